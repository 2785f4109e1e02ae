package fr.esante.medimail.registration.organisation.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fr.esante.medimail.events.OrganisationalMailboxMemberAdded;
import fr.esante.medimail.events.OrganisationalMailboxMemberRemoved;
import fr.esante.medimail.events.OrganisationalMailboxRequested;
import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.organisation.OrganisationalMailbox;
import fr.esante.medimail.registration.organisation.OrganisationalMailboxEvents;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;

/**
 * {@link OrganisationalMailboxRequested}, {@link OrganisationalMailboxMemberAdded} and
 * {@link OrganisationalMailboxMemberRemoved} through the outbox.
 */
@Component
class OutboxOrganisationalMailboxEvents implements OrganisationalMailboxEvents {

    private final Outbox outbox;

    OutboxOrganisationalMailboxEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void requested(OrganisationalMailbox request, Account owner, Instant at) {
        outbox.append(Topics.ORGANISATIONAL_MAILBOX_REQUESTED, owner.id().toString(), OrganisationalMailboxRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(owner.id()).setOccurredAt(at)
                .setRequestId(request.requestId()).setLabel(request.label())
                .setStructureIdentifierType(request.structureIdentifierType())
                .setStructureIdentifier(request.structureIdentifier()).setPurpose(request.purpose())
                .setRequesterRegistrationId(owner.id().toString()).setRequesterLastName(owner.lastName())
                .setRequesterFirstName(owner.firstName()).setRequesterEmail(owner.email())
                .build());
    }

    @Override
    public void memberAdded(OrganisationalMailbox mailbox, Account owner, Account member, Instant at) {
        outbox.append(Topics.ORGANISATIONAL_MAILBOX_MEMBER_ADDED, owner.id().toString(), OrganisationalMailboxMemberAdded
                .newBuilder().setEventId(UUID.randomUUID()).setAccountId(owner.id()).setOccurredAt(at)
                .setRequestId(mailbox.requestId()).setAddress(mailbox.address()).setLabel(mailbox.label())
                .setMemberAccountId(member.id()).setMemberEmail(member.email())
                .setOwnerLastName(owner.lastName()).setOwnerFirstName(owner.firstName())
                .build());
    }

    @Override
    public void memberRemoved(OrganisationalMailbox mailbox, Account owner, UUID memberAccountId, String memberEmail, Instant at) {
        outbox.append(Topics.ORGANISATIONAL_MAILBOX_MEMBER_REMOVED, owner.id().toString(), OrganisationalMailboxMemberRemoved
                .newBuilder().setEventId(UUID.randomUUID()).setAccountId(owner.id()).setOccurredAt(at)
                .setRequestId(mailbox.requestId()).setAddress(mailbox.address()).setLabel(mailbox.label())
                .setMemberAccountId(memberAccountId).setMemberEmail(memberEmail)
                .setOwnerLastName(owner.lastName()).setOwnerFirstName(owner.firstName())
                .build());
    }
}
