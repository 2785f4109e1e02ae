package fr.esante.medimail.registration.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import fr.esante.medimail.registration.RegistrationProperties;
import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.AccountStatus;
import fr.esante.medimail.registration.account.Accounts;
import fr.esante.medimail.registration.account.AuthenticatedAccount;
import fr.esante.medimail.registration.account.EmailAddresses;
import fr.esante.medimail.registration.account.Refusal;
import fr.esante.medimail.registration.registration.PasswordPolicy;
import fr.esante.medimail.support.secrets.SecretTokens;

/**
 * Sign-in with e-mail address and password, and the access tokens it hands out. Wrong credentials get one
 * answer whether or not the address exists, and take the same time (a hash comparison runs either way).
 *
 * <p>A validated account also gets an access token for now: the one-time code sent by e-mail (public-api.md,
 * 202 {"challengeId","sentTo"}) needs an event that notification-service can turn into that e-mail, which
 * the contracts do not have yet.
 */
@Service
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private final Accounts accounts;
    private final AccessTokens tokens;
    private final PasswordEncoder passwords;
    private final RegistrationProperties properties;
    private final Clock clock;
    /** Compared against when the address is unknown, so that such a sign-in costs as much as a real one. */
    private final String decoyHash;

    public Sessions(Accounts accounts, AccessTokens tokens, PasswordEncoder passwords, RegistrationProperties properties,
                    Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
        this.decoyHash = passwords.encode(SecretTokens.newToken());
    }

    /**
     * @throws Refusal INVALID_CREDENTIALS (401), or EMAIL_NOT_CONFIRMED (403) when the password is right but the
     *                 address has not been confirmed yet
     */
    public SignedIn signIn(String email, String password) {
        Optional<Account> found = accounts.findByEmail(EmailAddresses.normalise(email));
        boolean passwordMatches = matches(password, found.map(Account::passwordHash).orElse(decoyHash)) && found.isPresent();
        if (!passwordMatches) {
            log.info("Sign-in refused: wrong credentials");
            throw Refusal.unauthenticated("INVALID_CREDENTIALS", "Adresse e-mail ou mot de passe incorrect.");
        }
        Account account = found.get();
        renewHashIfOutdated(account, password);
        if (account.status() == AccountStatus.EMAIL_CONFIRMATION_PENDING) {
            throw Refusal.forbidden("EMAIL_NOT_CONFIRMED", "Confirmez d'abord votre adresse e-mail en suivant le lien"
                    + " du message que nous vous avons envoyé. Si ce lien a expiré, inscrivez-vous à nouveau avec la"
                    + " même adresse : un nouveau lien vous sera envoyé.");
        }
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.sessionValidity());
        tokens.store(SecretTokens.hash(token), account.id(), now, expiresAt);
        log.info("Account {} signed in (status {})", account.id(), account.status());
        return new SignedIn(token, account.status(), expiresAt);
    }

    /** @throws Refusal ACCESS_TOKEN_INVALID or ACCESS_TOKEN_EXPIRED (401) */
    public AuthenticatedAccount authenticate(String accessToken) {
        if (accessToken == null || accessToken.isBlank() || accessToken.length() > 200) {
            throw invalidToken();
        }
        AccessTokens.StoredAccessToken stored = tokens.find(SecretTokens.hash(accessToken)).orElseThrow(Sessions::invalidToken);
        if (!clock.instant().isBefore(stored.expiresAt())) {
            throw Refusal.unauthenticated("ACCESS_TOKEN_EXPIRED", "Votre session a expiré : reconnectez-vous.");
        }
        return new AuthenticatedAccount(stored.accountId());
    }

    @Scheduled(fixedDelayString = "${medimail.registration.expired-token-sweep:1h}", initialDelayString = "${medimail.registration.expired-token-sweep:1h}")
    public void forgetExpiredTokens() {
        int deleted = tokens.deleteExpired(clock.instant());
        if (deleted > 0) {
            log.info("Forgot {} expired access tokens", deleted);
        }
    }

    private boolean matches(String password, String hash) {
        if (password == null || !PasswordPolicy.fitsHashing(password)) {
            passwords.matches("not-the-password", hash); // same cost as a real comparison; the answer is no anyway
            return false;
        }
        return passwords.matches(password, hash);
    }

    /** A BCrypt hash of an earlier version, or Argon2id with other parameters: the right password is hashed anew. */
    private void renewHashIfOutdated(Account account, String password) {
        if (passwords.upgradeEncoding(account.passwordHash())
                && accounts.replacePasswordHash(account.id(), account.passwordHash(), passwords.encode(password))) {
            log.info("Password hash of account {} renewed with the current parameters", account.id());
        }
    }

    private static Refusal invalidToken() {
        return Refusal.unauthenticated("ACCESS_TOKEN_INVALID", "Votre session n'est pas valide : reconnectez-vous.");
    }
}
