package fr.esante.medimail.registration.confirmation.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fr.esante.medimail.events.AccountRequested;
import fr.esante.medimail.events.EmailConfirmed;
import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.confirmation.ConfirmationEvents;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;
import fr.esante.medimail.support.secrets.SecretTokens;

/** {@link AccountRequested} (the token sealed for notification-service) and {@link EmailConfirmed}, through the outbox. */
@Component
class OutboxConfirmationEvents implements ConfirmationEvents {

    private final Outbox outbox;
    private final SecretTokens secrets;

    OutboxConfirmationEvents(Outbox outbox, SecretTokens secrets) {
        this.outbox = outbox;
        this.secrets = secrets;
    }

    @Override
    public void linkIssued(Account account, String token, Instant expiresAt, Instant at) {
        outbox.append(Topics.ACCOUNT_REQUESTED, account.id().toString(), AccountRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(account.id()).setOccurredAt(at)
                .setLastName(account.lastName()).setFirstName(account.firstName()).setEmail(account.email())
                .setRegion(account.region())
                .setSealedConfirmationToken(secrets.seal(token))
                .setConfirmationExpiresAt(expiresAt)
                .build());
    }

    @Override
    public void emailConfirmed(Account account, Instant at) {
        outbox.append(Topics.EMAIL_CONFIRMED, account.id().toString(), EmailConfirmed.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(account.id()).setOccurredAt(at).setEmail(account.email())
                .build());
    }
}
