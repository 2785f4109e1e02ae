package fr.esante.medimail.registration.confirmation;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.Accounts;
import fr.esante.medimail.registration.account.Refusal;
import fr.esante.medimail.support.secrets.SecretTokens;
import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * The holder followed the link of the confirmation e-mail. The token is looked up by its hash and consumed
 * in the same transaction (the row is locked: two concurrent uses cannot both succeed).
 */
@Service
public class EmailConfirmation {

    private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);

    private static final Logger log = LoggerFactory.getLogger(EmailConfirmation.class);
    /** Tokens are 43 characters; anything much longer is not worth hashing. */
    private static final int MAX_TOKEN_LENGTH = 200;

    private final Accounts accounts;
    private final ConfirmationEvents events;
    private final Clock clock;

    public EmailConfirmation(Accounts accounts, ConfirmationEvents events, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** @throws Refusal TOKEN_INVALID (unknown or already used) or TOKEN_EXPIRED */
    @Transactional
    public Account confirm(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw invalidToken();
        }
        Account account = accounts.lockByConfirmationTokenHash(SecretTokens.hash(token.strip()))
                .orElseThrow(EmailConfirmation::invalidToken);
        Instant now = clock.instant();
        account.confirmEmail(now);
        accounts.update(account);
        events.emailConfirmed(account, now);
        log.info("Account {} confirmed its e-mail address", account.id());
        return account;
    }

    private static Refusal invalidToken() {
        return Refusal.invalid("TOKEN_INVALID", TEXTS.text("confirmation.token-invalid"));
    }
}
