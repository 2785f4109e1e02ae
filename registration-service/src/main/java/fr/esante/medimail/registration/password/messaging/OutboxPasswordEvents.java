package fr.esante.medimail.registration.password.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fr.esante.medimail.events.PasswordChanged;
import fr.esante.medimail.events.PasswordResetRequested;
import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.password.PasswordEvents;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;
import fr.esante.medimail.support.secrets.SecretTokens;

/** {@link PasswordResetRequested} (the token sealed) and {@link PasswordChanged}, through the outbox. */
@Component
class OutboxPasswordEvents implements PasswordEvents {

    private final Outbox outbox;
    private final SecretTokens secrets;

    OutboxPasswordEvents(Outbox outbox, SecretTokens secrets) {
        this.outbox = outbox;
        this.secrets = secrets;
    }

    @Override
    public void resetRequested(Account account, String token, Instant expiresAt, Instant at) {
        outbox.append(Topics.PASSWORD_RESET_REQUESTED, account.id().toString(), PasswordResetRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(account.id()).setOccurredAt(at)
                .setEmail(account.email()).setFirstName(account.firstName())
                .setSealedResetToken(secrets.seal(token)).setExpiresAt(expiresAt)
                .build());
    }

    @Override
    public void passwordChanged(Account account, boolean throughReset, Instant at) {
        outbox.append(Topics.PASSWORD_CHANGED, account.id().toString(), PasswordChanged.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(account.id()).setOccurredAt(at)
                .setEmail(account.email()).setFirstName(account.firstName()).setThroughReset(throughReset)
                .build());
    }
}
