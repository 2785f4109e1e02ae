package fr.esante.medimail.registration.session;

import java.time.Instant;

import fr.esante.medimail.registration.account.AccountStatus;

/** A session opened: the access token (in clear, handed out once: never log it) and the account's status. */
public record SignedIn(String accessToken, AccountStatus accountStatus, Instant expiresAt) implements SignInOutcome {

    @Override
    public String toString() {
        return "SignedIn[" + accountStatus + ", expires " + expiresAt + "]";
    }
}
