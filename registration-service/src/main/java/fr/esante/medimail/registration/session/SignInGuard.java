package fr.esante.medimail.registration.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.EmailAddresses;
import fr.esante.medimail.support.security.LoginThrottle;
import fr.esante.medimail.support.security.LoginThrottle.ClientCount;

/**
 * Brute-force protection of the account holders' sign-ins, on {@link LoginThrottle} (counts kept in the database):
 * failures of the password and of the one-time code count alike, per e-mail address (known or not, so that the
 * answers never tell whether an address has an account) and per client address. When a failure locks an existing
 * account, its holder is told by e-mail ({@link SessionEvents#signInLocked}), once per lock.
 */
@Service
public class SignInGuard {

    private final LoginThrottle throttle;
    private final SessionEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SignInGuard(LoginThrottle throttle, SessionEvents events, TransactionTemplate transactions, Clock clock) {
        this.throttle = throttle;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @throws TooManyAttempts when the client address failed too often lately, or the address is locked */
    public void checkSignInAllowed(String email, String client) {
        Instant now = clock.instant();
        Optional<Duration> wait = throttle.clientBlockedFor(ClientCount.FAILED_SIGN_IN, client, now)
                .or(() -> throttle.lockedFor(login(email), now));
        if (wait.isPresent()) {
            throw TooManyAttempts.signIns(wait.get());
        }
    }

    /** A wrong password or code, for an address that may have no account; commits even if the caller then throws. */
    public void failed(String email, Optional<Account> account, String client) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            LoginThrottle.Failure failure = throttle.recordFailure(login(email), now);
            throttle.countClient(ClientCount.FAILED_SIGN_IN, client, now);
            if (failure.lockStarted().isPresent() && account.isPresent()) {
                Account locked = account.get();
                events.signInLocked(locked, now.plus(failure.lockStarted().get()), now);
            }
        });
    }

    public void succeeded(String email) {
        throttle.recordSuccess(login(email));
    }

    /** @throws TooManyAttempts when the client address asked for too many mails lately; otherwise counts this one */
    public void mailRequested(String client) {
        Instant now = clock.instant();
        Optional<Duration> wait = throttle.clientBlockedFor(ClientCount.MAIL_REQUEST, client, now);
        if (wait.isPresent()) {
            throw TooManyAttempts.mailRequests(wait.get());
        }
        throttle.countClient(ClientCount.MAIL_REQUEST, client, now);
    }

    private static String login(String email) {
        return "account:" + EmailAddresses.normalise(email);
    }
}
