package fr.esante.medimail.registration.password;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.Accounts;
import fr.esante.medimail.registration.account.EmailAddresses;
import fr.esante.medimail.registration.account.Refusal;
import fr.esante.medimail.registration.mailing.MailAllowance;
import fr.esante.medimail.registration.mailing.MailKind;
import fr.esante.medimail.registration.registration.PasswordPolicy;
import fr.esante.medimail.registration.session.AccessTokens;
import fr.esante.medimail.registration.session.SignInGuard;
import fr.esante.medimail.registration.session.SignInProperties;
import fr.esante.medimail.support.secrets.SecretTokens;
import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * A holder changes their password (knowing the current one: the other sessions are closed) or resets it with a
 * single-use link e-mailed on request (every session is closed). Either way the holder is told by e-mail
 * ({@link PasswordEvents#passwordChanged}). A reset request answers the same whether or not the address has an account; a link is
 * mailed only to an existing account, at most once a minute and a few times a day ({@link MailAllowance}).
 */
@Service
public class PasswordChanges {

    private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);

    private static final Logger log = LoggerFactory.getLogger(PasswordChanges.class);

    private final Accounts accounts;
    private final PasswordResets resets;
    private final AccessTokens tokens;
    private final SignInGuard guard;
    private final MailAllowance mailAllowance;
    private final PasswordEncoder passwords;
    private final SignInProperties settings;
    private final PasswordEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public PasswordChanges(Accounts accounts, PasswordResets resets, AccessTokens tokens, SignInGuard guard,
                           MailAllowance mailAllowance, PasswordEncoder passwords, SignInProperties settings,
                           PasswordEvents events, TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.resets = resets;
        this.tokens = tokens;
        this.guard = guard;
        this.mailAllowance = mailAllowance;
        this.passwords = passwords;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @param currentAccessToken the session making the change, which stays open
     * @throws Refusal PASSWORD_INCORRECT (400, counted like a failed sign-in), PASSWORD_TOO_WEAK, TOO_LONG,
     *                 PASSWORDS_DO_NOT_MATCH (400)
     */
    public void change(UUID accountId, String currentAccessToken, String currentPassword, String password,
                       String passwordConfirmation, String client) {
        Account account = accounts.findById(accountId).orElseThrow();
        guard.checkSignInAllowed(account.email(), client);
        if (currentPassword == null || !PasswordPolicy.fitsHashing(currentPassword)
                || !passwords.matches(currentPassword, account.passwordHash())) {
            guard.failed(account.email(), Optional.of(account), client);
            throw Refusal.invalidField("currentPassword", "PASSWORD_INCORRECT", TEXTS.text("password.password-incorrect"));
        }
        guard.succeeded(account.email());
        String hash = newPasswordHash(password, passwordConfirmation);
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            resets.changePasswordHash(accountId, hash, now);
            int closed = tokens.revokeAllOf(accountId, SecretTokens.hash(currentAccessToken));
            passwordChanged(account, false, now);
            log.info("Account {} changed its password; {} other sessions closed", accountId, closed);
        });
    }

    /**
     * Always the same answer; a link goes only to an existing account, within its mail allowance. The allowance is
     * taken for the address whether or not it has an account, so both cases do the same database work and answer in
     * the same time.
     */
    public void requestReset(String email, String client) {
        guard.mailRequested(client);
        String normalised = EmailAddresses.normalise(email);
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Optional<Account> found = accounts.findByEmail(normalised);
            boolean allowed = mailAllowance.take(normalised, MailKind.PASSWORD_RESET);
            if (found.isEmpty()) {
                log.info("Password reset asked for an address without account: nothing sent");
                return;
            }
            Account account = found.get();
            if (!allowed) {
                log.info("Password reset for account {} not mailed: mail allowance used up", account.id());
                return;
            }
            String token = SecretTokens.newToken();
            Instant expiresAt = now.plus(settings.passwordResetValidity());
            resets.issue(SecretTokens.hash(token), account.id(), now, expiresAt);
            events.resetRequested(account, token, expiresAt, now);
            log.info("Password reset link issued for account {}", account.id());
        });
    }

    /**
     * @throws Refusal TOKEN_INVALID (unknown or used link), TOKEN_EXPIRED, PASSWORD_TOO_WEAK, TOO_LONG,
     *                 PASSWORDS_DO_NOT_MATCH (400); nothing changes then
     */
    public void confirmReset(String token, String password, String passwordConfirmation) {
        String hash = newPasswordHash(password, passwordConfirmation);
        Account account = transactions.execute(status -> {
            Instant now = clock.instant();
            if (token == null || token.length() > 200) {
                throw invalidLink();
            }
            PasswordResets.StoredReset reset = resets.lock(SecretTokens.hash(token)).orElseThrow(PasswordChanges::invalidLink);
            if (reset.usedAt() != null) {
                throw invalidLink();
            }
            if (!now.isBefore(reset.expiresAt())) {
                throw Refusal.invalid("TOKEN_EXPIRED", TEXTS.text("password.token-expired"));
            }
            Account owner = accounts.findById(reset.accountId()).orElseThrow(PasswordChanges::invalidLink);
            resets.changePasswordHash(owner.id(), hash, now);
            resets.markUsed(reset.tokenHash(), now);
            int closed = tokens.revokeAllOf(owner.id(), null);
            passwordChanged(owner, true, now);
            log.info("Account {} reset its password; {} sessions closed", owner.id(), closed);
            return owner;
        });
        // Proving control of the mailbox ends a lock, like a successful sign-in would.
        guard.succeeded(account.email());
    }

    private String newPasswordHash(String password, String confirmation) {
        if (!PasswordPolicy.fitsHashing(password)) {
            throw Refusal.invalidField("password", "TOO_LONG", TEXTS.text("password.password.too-long"));
        }
        if (!PasswordPolicy.isStrongEnough(password)) {
            throw Refusal.invalidField("password", "PASSWORD_TOO_WEAK",
                    TEXTS.text("password.too-weak", Integer.toString(PasswordPolicy.MIN_LENGTH)));
        }
        if (!password.equals(confirmation)) {
            throw Refusal.invalidField("passwordConfirmation", "PASSWORDS_DO_NOT_MATCH",
                    TEXTS.text("password.passwords-do-not-match"));
        }
        return passwords.encode(password);
    }

    private void passwordChanged(Account account, boolean throughReset, Instant now) {
        events.passwordChanged(account, throughReset, now);
    }

    private static Refusal invalidLink() {
        return Refusal.invalid("TOKEN_INVALID", TEXTS.text("password.token-invalid"));
    }
}
