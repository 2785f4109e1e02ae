package fr.esante.medimail.registration.psc;

import java.time.Instant;

import fr.esante.medimail.registration.account.AccountStatus;

/** Where a PSC sign-in leads once the page hands its one-time code back. */
public sealed interface PscOutcome {

    /** A session of the linked account (the access token in clear, handed out once: never log it). */
    record SignedIn(String accessToken, Instant expiresAt, AccountStatus accountStatus, boolean termsAccepted) implements PscOutcome {
        @Override
        public String toString() {
            return "SignedIn[" + accountStatus + "]";
        }
    }

    /** No account yet: the page asks for what PSC does not say (e-mail if not asserted, region). */
    record SignUpRequired(PscIdentity identity) implements PscOutcome {
    }

    /** An account already declares this RPPS: its holder proves control of it once (password) to link it. */
    record LinkRequired(PscIdentity identity, String maskedEmail) implements PscOutcome {
    }

    /** Signed up without an asserted e-mail: the confirmation link was sent, as for an ordinary sign-up. */
    record ConfirmationSent(String email) implements PscOutcome {
    }
}
