package fr.esante.medimail.registration.password;

import java.time.Instant;

import fr.esante.medimail.registration.account.Account;

/** Tells notification-service to mail a reset link, or to tell the holder their password changed. */
public interface PasswordEvents {

    /** @param token the clear single-use token; implementations seal it and never log it */
    void resetRequested(Account account, String token, Instant expiresAt, Instant at);

    void passwordChanged(Account account, boolean throughReset, Instant at);
}
