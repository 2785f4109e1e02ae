package fr.esante.medimail.registration.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.esante.medimail.registration.RegistrationProperties;
import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.AccountStatus;
import fr.esante.medimail.registration.account.Accounts;
import fr.esante.medimail.registration.account.AuthenticatedAccount;
import fr.esante.medimail.registration.account.EmailAddresses;
import fr.esante.medimail.registration.account.Refusal;
import fr.esante.medimail.registration.registration.PasswordPolicy;
import fr.esante.medimail.registration.terms.TermsOfUse;
import fr.esante.medimail.support.secrets.SecretTokens;
import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * Sign-in, as the procedure says: e-mail address and password, then, for a validated account, a 6-digit one-time
 * code e-mailed to its holder ({@link SessionEvents#oneTimeCodeRequested}, the code sealed for notification-service). An account
 * not validated yet gets a limited session at once, to follow its registration.
 *
 * <p>Wrong credentials get one answer whether or not the address exists, and take the same time (a password hash
 * comparison runs either way). Every attempt first goes through {@link SignInGuard}: repeated failures (password or code) lock
 * the address for a growing wait, and a client address that fails too often is refused for a while.
 */
@Service
public class Sessions {

    private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private final Accounts accounts;
    private final AccessTokens tokens;
    private final OneTimeCodeChallenges challenges;
    private final PasswordEncoder passwords;
    private final RegistrationProperties properties;
    private final SignInProperties signIn;
    private final SignInGuard guard;
    private final TermsOfUse terms;
    private final SessionEvents events;
    private final SecretTokens secrets;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** Compared against when the address is unknown, so that such a sign-in costs as much as a real one. */
    private final String decoyHash;

    public Sessions(Accounts accounts, AccessTokens tokens, OneTimeCodeChallenges challenges, PasswordEncoder passwords,
                    RegistrationProperties properties, SignInProperties signIn, SignInGuard guard, TermsOfUse terms,
                    SessionEvents events, SecretTokens secrets, TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.challenges = challenges;
        this.passwords = passwords;
        this.properties = properties;
        this.signIn = signIn;
        this.guard = guard;
        this.terms = terms;
        this.events = events;
        this.secrets = secrets;
        this.transactions = transactions;
        this.clock = clock;
        this.decoyHash = passwords.encode(SecretTokens.newToken());
    }

    /**
     * @param client the client's address, for the per-address limit
     * @throws Refusal         INVALID_CREDENTIALS (401), or EMAIL_NOT_CONFIRMED (403) when the password is right but
     *                         the address has not been confirmed yet
     * @throws TooManyAttempts when the address is locked or the client failed too often (the right password included)
     */
    public SignInOutcome signIn(String email, String password, String client) {
        String normalised = EmailAddresses.normalise(email);
        guard.checkSignInAllowed(normalised, client);
        Optional<Account> found = accounts.findByEmail(normalised);
        boolean passwordMatches = matches(password, found.map(Account::passwordHash).orElse(decoyHash)) && found.isPresent();
        if (!passwordMatches) {
            guard.failed(normalised, found, client);
            log.info("Sign-in refused: wrong credentials");
            throw Refusal.unauthenticated("INVALID_CREDENTIALS", TEXTS.text("session.invalid-credentials"));
        }
        guard.succeeded(normalised);
        Account account = found.get();
        renewHashIfOutdated(account, password);
        if (account.status() == AccountStatus.EMAIL_CONFIRMATION_PENDING) {
            throw Refusal.forbidden("EMAIL_NOT_CONFIRMED", TEXTS.text("session.email-not-confirmed"));
        }
        if (account.status() == AccountStatus.VALIDATED) {
            return sendOneTimeCode(account);
        }
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.sessionValidity());
        tokens.store(SecretTokens.hash(token), account.id(), now, expiresAt, false);
        log.info("Account {} signed in (status {})", account.id(), account.status());
        return new SignedIn(token, account.status(), expiresAt);
    }

    private ChallengeSent sendOneTimeCode(Account account) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(signIn.oneTimeCodeValidity());
        String code = SecretTokens.newNumericCode(OneTimeCodeChallenge.DIGITS);
        UUID challengeId = UUID.randomUUID();
        OneTimeCodeChallenge challenge = OneTimeCodeChallenge.issue(challengeId, account.id(), codeHash(challengeId, code),
                now, expiresAt, signIn.oneTimeCodeTries());
        transactions.executeWithoutResult(status -> {
            challenges.add(challenge);
            codeRequested(account, code, expiresAt, now);
        });
        log.info("Account {} gave its password: one-time code challenge {} sent", account.id(), challenge.id());
        return new ChallengeSent(challenge.id(), maskedAddress(account.email()), expiresAt);
    }

    /**
     * @throws Refusal          OTP_EXPIRED (400) for an unknown, used, expired or exhausted challenge
     * @throws WrongOneTimeCode OTP_INVALID (400) with the tries left
     * @throws TooManyAttempts  when the account is locked or the client failed too often (the right code included)
     */
    public CodeAccepted verifyCode(UUID challengeId, String code, String client) {
        Instant now = clock.instant();
        Attempt attempt = transactions.execute(status -> {
            OneTimeCodeChallenge challenge = challenges.lock(challengeId).orElseThrow(Sessions::deadChallenge);
            Account account = accounts.findById(challenge.accountId()).orElseThrow(Sessions::deadChallenge);
            guard.checkSignInAllowed(account.email(), client);
            if (!challenge.isAlive(now)) {
                throw deadChallenge();
            }
            boolean right = challenge.tryCode(code == null ? null : codeHash(challenge.id(), code), now);
            challenges.update(challenge);
            if (!right) {
                return new Attempt(account, null, challenge.triesLeft());
            }
            String token = SecretTokens.newToken();
            tokens.store(SecretTokens.hash(token), account.id(), now, now.plus(properties.sessionValidity()), true);
            return new Attempt(account, token, challenge.triesLeft());
        });
        if (attempt.token() == null) {
            // Committed first (the try is spent), then counted against the account like a wrong password.
            guard.failed(attempt.account().email(), Optional.of(attempt.account()), client);
            log.info("One-time code refused for challenge {} ({} tries left)", challengeId, attempt.triesLeft());
            throw new WrongOneTimeCode(attempt.triesLeft());
        }
        guard.succeeded(attempt.account().email());
        log.info("Account {} signed in with its one-time code", attempt.account().id());
        return new CodeAccepted(attempt.token(), now.plus(properties.sessionValidity()),
                terms.hasAcceptedCurrent(attempt.account().id()));
    }

    /**
     * A new code for a live challenge (the previous one stops working), at most once per cooldown.
     *
     * @throws Refusal         OTP_EXPIRED (400) for a dead challenge
     * @throws TooManyAttempts OTP_RESEND_TOO_SOON during the cooldown, or when the client asked for too many mails
     */
    public ChallengeSent resendCode(UUID challengeId, String client) {
        guard.mailRequested(client);
        return transactions.execute(status -> {
            Instant now = clock.instant();
            OneTimeCodeChallenge challenge = challenges.lock(challengeId).orElseThrow(Sessions::deadChallenge);
            if (!challenge.isAlive(now)) {
                throw deadChallenge();
            }
            Instant allowedAt = challenge.lastSentAt().plus(signIn.oneTimeCodeResendCooldown());
            if (now.isBefore(allowedAt)) {
                throw new TooManyAttempts("OTP_RESEND_TOO_SOON", TEXTS.text("session.otp-resend-too-soon"), Duration.between(now, allowedAt));
            }
            Account account = accounts.findById(challenge.accountId()).orElseThrow(Sessions::deadChallenge);
            String code = SecretTokens.newNumericCode(OneTimeCodeChallenge.DIGITS);
            Instant expiresAt = now.plus(signIn.oneTimeCodeValidity());
            challenge.resend(codeHash(challenge.id(), code), now, expiresAt);
            challenges.update(challenge);
            codeRequested(account, code, expiresAt, now);
            log.info("New one-time code sent for challenge {}", challengeId);
            return new ChallengeSent(challenge.id(), maskedAddress(account.email()), expiresAt);
        });
    }

    /** Logout: the token stops working at once. Unknown tokens are ignored (already logged out). */
    public void signOut(String accessToken) {
        if (accessToken != null && !accessToken.isBlank() && accessToken.length() <= 200) {
            tokens.revoke(SecretTokens.hash(accessToken));
        }
    }

    /**
     * The token's account, without the one-time code and terms gate of {@link #authorize}: handlers receive their
     * account through an {@code AuthenticatedAccount} parameter, which goes through {@link #authorize}.
     *
     * @throws Refusal ACCESS_TOKEN_INVALID or ACCESS_TOKEN_EXPIRED (401)
     */
    public AuthenticatedAccount authenticate(String accessToken) {
        return new AuthenticatedAccount(valid(accessToken).accountId());
    }

    /**
     * Authenticates and applies what a session may do: a validated account's session needs the one-time code and
     * the acceptance of the current terms of use, except for what {@code allowedBeforeTerms} (and
     * {@code allowedWithoutCode}) let through: reading one's status, the terms and accepting them.
     *
     * @throws Refusal 401 as {@link #authenticate}; ONE_TIME_CODE_REQUIRED or TERMS_NOT_ACCEPTED (403)
     */
    public AuthenticatedAccount authorize(String accessToken, boolean allowedBeforeTerms, boolean allowedWithoutCode) {
        AccessTokens.StoredAccessToken stored = valid(accessToken);
        if (!(allowedBeforeTerms && allowedWithoutCode)) {
            boolean validated = accounts.findById(stored.accountId()).map(a -> a.status() == AccountStatus.VALIDATED).orElse(false);
            if (validated && !stored.verifiedByOneTimeCode() && !allowedWithoutCode) {
                throw Refusal.forbidden("ONE_TIME_CODE_REQUIRED", TEXTS.text("session.one-time-code-required"));
            }
            if (validated && stored.verifiedByOneTimeCode() && !allowedBeforeTerms && !terms.hasAcceptedCurrent(stored.accountId())) {
                throw Refusal.forbidden("TERMS_NOT_ACCEPTED",
                        TEXTS.text("session.terms-not-accepted", terms.current().version()));
            }
        }
        return new AuthenticatedAccount(stored.accountId());
    }

    private AccessTokens.StoredAccessToken valid(String accessToken) {
        if (accessToken == null || accessToken.isBlank() || accessToken.length() > 200) {
            throw invalidToken();
        }
        AccessTokens.StoredAccessToken stored = tokens.find(SecretTokens.hash(accessToken)).orElseThrow(Sessions::invalidToken);
        if (!clock.instant().isBefore(stored.expiresAt())) {
            throw Refusal.unauthenticated("ACCESS_TOKEN_EXPIRED", TEXTS.text("session.access-token-expired"));
        }
        return stored;
    }

    @Scheduled(fixedDelayString = "${medimail.registration.expired-token-sweep:1h}", initialDelayString = "${medimail.registration.expired-token-sweep:1h}")
    public void forgetExpiredTokens() {
        Instant now = clock.instant();
        int deleted = tokens.deleteExpired(now);
        int expiredChallenges = challenges.deleteExpired(now.minus(Duration.ofDays(1)));
        if (deleted > 0 || expiredChallenges > 0) {
            log.info("Forgot {} expired access tokens and {} expired one-time code challenges", deleted, expiredChallenges);
        }
    }

    private void codeRequested(Account account, String code, Instant expiresAt, Instant now) {
        events.oneTimeCodeRequested(account, code, expiresAt, now);
    }

    /** Keyed (HMAC with a key derived from the sealing key): a million possible codes are no protection otherwise. */
    private String codeHash(UUID challengeId, String code) {
        return secrets.keyedHash(challengeId + ":" + code);
    }

    private boolean matches(String password, String hash) {
        if (password == null || !PasswordPolicy.fitsHashing(password)) {
            passwords.matches("not-the-password", hash); // same cost as a real comparison; the answer is no anyway
            return false;
        }
        return passwords.matches(password, hash);
    }

    /** {@code jean.durand@example.org} → {@code j***@example.org}: enough to recognise one's own address. */
    static String maskedAddress(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** A BCrypt hash of an earlier version, or Argon2id with other parameters: the right password is hashed anew. */
    private void renewHashIfOutdated(Account account, String password) {
        if (passwords.upgradeEncoding(account.passwordHash())
                && accounts.replacePasswordHash(account.id(), account.passwordHash(), passwords.encode(password))) {
            log.info("Password hash of account {} renewed with the current parameters", account.id());
        }
    }

    private static Refusal invalidToken() {
        return Refusal.unauthenticated("ACCESS_TOKEN_INVALID", TEXTS.text("session.access-token-invalid"));
    }

    private static Refusal deadChallenge() {
        return Refusal.invalid("OTP_EXPIRED", TEXTS.text("session.otp-expired"));
    }

    private record Attempt(Account account, String token, int triesLeft) {
    }
}
