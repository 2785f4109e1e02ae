package fr.esante.medimail.registration.session.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fr.esante.medimail.events.OneTimeCodeRequested;
import fr.esante.medimail.events.SignInLocked;
import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.session.SessionEvents;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;
import fr.esante.medimail.support.secrets.SecretTokens;

/** {@link OneTimeCodeRequested} (the code sealed) and {@link SignInLocked}, through the outbox. */
@Component
class OutboxSessionEvents implements SessionEvents {

    private final Outbox outbox;
    private final SecretTokens secrets;

    OutboxSessionEvents(Outbox outbox, SecretTokens secrets) {
        this.outbox = outbox;
        this.secrets = secrets;
    }

    @Override
    public void oneTimeCodeRequested(Account account, String code, Instant expiresAt, Instant at) {
        outbox.append(Topics.ONE_TIME_CODE_REQUESTED, account.id().toString(), OneTimeCodeRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(account.id()).setOccurredAt(at)
                .setEmail(account.email()).setFirstName(account.firstName()).setLastName(account.lastName())
                .setSealedCode(secrets.seal(code))
                .setExpiresAt(expiresAt)
                .build());
    }

    @Override
    public void signInLocked(Account account, Instant lockedUntil, Instant at) {
        outbox.append(Topics.SIGN_IN_LOCKED, account.id().toString(), SignInLocked.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(account.id()).setOccurredAt(at)
                .setEmail(account.email()).setFirstName(account.firstName())
                .setLockedUntil(lockedUntil)
                .build());
    }
}
