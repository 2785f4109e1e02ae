package fr.esante.medimail.registration.confirmation;

import java.time.Instant;

import fr.esante.medimail.registration.account.Account;

/**
 * Tells notification-service to mail a confirmation link, and the platform that an address was confirmed.
 * Implementations record the event in the caller's transaction.
 */
public interface ConfirmationEvents {

    /** @param token the clear single-use token; implementations seal it and never log it */
    void linkIssued(Account account, String token, Instant expiresAt, Instant at);

    void emailConfirmed(Account account, Instant at);
}
