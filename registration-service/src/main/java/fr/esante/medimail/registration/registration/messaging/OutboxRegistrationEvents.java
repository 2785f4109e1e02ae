package fr.esante.medimail.registration.registration.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fr.esante.medimail.events.RegistrationAttemptedForExistingAccount;
import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.registration.RegistrationEvents;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;

/** {@link RegistrationAttemptedForExistingAccount} through the outbox, in the caller's transaction. */
@Component
class OutboxRegistrationEvents implements RegistrationEvents {

    private final Outbox outbox;

    OutboxRegistrationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void attemptedForExistingAccount(Account existing, Instant at) {
        outbox.append(Topics.REGISTRATION_ATTEMPTED_FOR_EXISTING_ACCOUNT, existing.id().toString(),
                RegistrationAttemptedForExistingAccount.newBuilder()
                        .setEventId(UUID.randomUUID()).setAccountId(existing.id()).setOccurredAt(at)
                        .setEmail(existing.email()).setFirstName(existing.firstName())
                        .build());
    }
}
