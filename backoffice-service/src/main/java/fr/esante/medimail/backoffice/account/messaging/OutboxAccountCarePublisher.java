package fr.esante.medimail.backoffice.account.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fr.esante.medimail.backoffice.account.AccountCarePublisher;
import fr.esante.medimail.backoffice.account.AccountClosure;
import fr.esante.medimail.backoffice.account.ContactCorrection;
import fr.esante.medimail.backoffice.account.NameCorrection;
import fr.esante.medimail.events.AccountClosed;
import fr.esante.medimail.events.AccountReopened;
import fr.esante.medimail.events.ContactCorrectionRequested;
import fr.esante.medimail.events.NameCorrectionRequested;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;

/** {@code AccountClosed}, {@code AccountReopened}, {@code ContactCorrectionRequested} and {@code NameCorrectionRequested} through the outbox; key = account id. */
@Component
class OutboxAccountCarePublisher implements AccountCarePublisher {

    private final Outbox outbox;

    OutboxAccountCarePublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void closed(AccountClosure closure, String mssAddress) {
        outbox.append(Topics.ACCOUNT_CLOSED, closure.accountId().toString(), AccountClosed.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(closure.accountId()).setOccurredAt(closure.closedAt())
                .setMssAddress(mssAddress).setReason(closure.reason()).setClosedBy(closure.closedBy()).build());
    }

    @Override
    public void reopened(AccountClosure formerClosure, Instant at, String staff) {
        outbox.append(Topics.ACCOUNT_REOPENED, formerClosure.accountId().toString(), AccountReopened.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(formerClosure.accountId()).setOccurredAt(at)
                .setReopenedBy(staff).build());
    }

    @Override
    public void contactCorrected(UUID accountId, ContactCorrection correction, Instant at, String staff) {
        var address = correction.address();
        outbox.append(Topics.CONTACT_CORRECTION_REQUESTED, accountId.toString(), ContactCorrectionRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(accountId).setOccurredAt(at).setCorrectedBy(staff)
                .setPhone(correction.phone()).setSecondPhone(correction.secondPhone())
                .setRemoveSecondPhone(correction.removeSecondPhone())
                .setAddressLine(address == null ? null : address.line())
                .setPostalCode(address == null ? null : address.postalCode())
                .setCity(address == null ? null : address.city())
                .setRegion(address == null ? null : address.region())
                .setDepartment(address == null ? null : address.department())
                .build());
    }

    @Override
    public void namesCorrected(UUID accountId, NameCorrection correction, Instant at, String staff) {
        outbox.append(Topics.NAME_CORRECTION_REQUESTED, accountId.toString(), NameCorrectionRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(accountId).setOccurredAt(at).setCorrectedBy(staff)
                .setLastName(correction.lastName()).setFirstName(correction.firstName()).setReason(correction.reason())
                .build());
    }
}
