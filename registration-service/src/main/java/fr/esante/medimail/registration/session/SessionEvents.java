package fr.esante.medimail.registration.session;

import java.time.Instant;

import fr.esante.medimail.registration.account.Account;

/** Tells notification-service to mail a one-time code, or to warn the holder that sign-ins are locked. */
public interface SessionEvents {

    /** @param code the clear one-time code; implementations seal it and never log it */
    void oneTimeCodeRequested(Account account, String code, Instant expiresAt, Instant at);

    void signInLocked(Account account, Instant lockedUntil, Instant at);
}
