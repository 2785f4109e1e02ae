package fr.esante.medimail.mssaddress.assignment.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fr.esante.medimail.events.MssAddressAssigned;
import fr.esante.medimail.events.MssAddressRefused;
import fr.esante.medimail.mssaddress.assignment.AssignmentEvents;
import fr.esante.medimail.mssaddress.assignment.AssignmentOutcome;
import fr.esante.medimail.mssaddress.assignment.IssuedAddress;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;

/**
 * Announces every outcome, a repeated one included: the account may have been re-verified because an
 * earlier step was lost, and an INT mailbox upgraded to PER must be announced with its new type.
 */
@Component
class OutboxAssignmentEvents implements AssignmentEvents {

    private final Outbox outbox;

    OutboxAssignmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void published(AssignmentOutcome outcome) {
        String key = outcome.accountId().toString();
        if (outcome instanceof AssignmentOutcome.Assigned assigned) {
            IssuedAddress issued = assigned.issued();
            outbox.append(Topics.MSS_ADDRESS_ASSIGNED, key, MssAddressAssigned.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setAccountId(issued.accountId())
                    .setOccurredAt(Instant.now())
                    .setAddress(issued.address().address())
                    .setLocalPart(issued.address().localPart())
                    .setDomain(issued.address().domain())
                    .setMailboxType(issued.mailboxType().name())
                    .setPreviousMailboxType(assigned.upgradedFrom() == null ? null : assigned.upgradedFrom().name())
                    .build());
        } else if (outcome instanceof AssignmentOutcome.Refused refused) {
            outbox.append(Topics.MSS_ADDRESS_REFUSED, key, MssAddressRefused.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setAccountId(refused.accountId())
                    .setOccurredAt(Instant.now())
                    .setReason(refused.reason().name())
                    .setDetail(refused.detail())
                    .build());
        }
    }
}
