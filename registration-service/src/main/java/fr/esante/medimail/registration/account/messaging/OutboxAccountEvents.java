package fr.esante.medimail.registration.account.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fr.esante.medimail.events.AccountStatusChanged;
import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.AccountEvents;
import fr.esante.medimail.registration.account.MssAddress;
import fr.esante.medimail.registration.account.Rejection;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;

/** {@link AccountStatusChanged} through the outbox: notification-service tells the holder by e-mail. */
@Component
class OutboxAccountEvents implements AccountEvents {

    private final Outbox outbox;

    OutboxAccountEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void statusChanged(Account account, String change, Instant at) {
        Rejection rejection = account.rejection();
        MssAddress address = account.mssAddress();
        outbox.append(Topics.ACCOUNT_STATUS_CHANGED, account.id().toString(), AccountStatusChanged.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(account.id()).setOccurredAt(at)
                .setChange(change).setStatus(account.status().name())
                .setEmail(account.email()).setFirstName(account.firstName()).setLastName(account.lastName())
                .setReasonCode(rejection == null ? null : rejection.code())
                .setReason(rejection == null ? null : rejection.message())
                .setMssAddress(address == null ? null : address.address())
                .setMailboxType(address == null ? null : address.mailboxType())
                .build());
    }
}
