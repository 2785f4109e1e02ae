package fr.esante.medimail.registration.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.esante.medimail.registration.RegistrationProperties;
import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.AccountStatus;
import fr.esante.medimail.registration.account.Accounts;
import fr.esante.medimail.registration.account.EmailAddresses;
import fr.esante.medimail.registration.account.Refusal;
import fr.esante.medimail.registration.confirmation.ConfirmationLinks;
import fr.esante.medimail.registration.mailing.MailAllowance;
import fr.esante.medimail.registration.mailing.MailKind;
import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * Self-registration. A new address gets an account waiting for its e-mail confirmation, and an
 * {@code AccountRequested} event carrying the confirmation token sealed for notification-service. An address
 * that already has an account gets the very same answer (no account enumeration): if that account is still
 * waiting for its confirmation (its link may have expired or been lost), it gets a fresh token, the previous one
 * no longer working, and a new {@code AccountRequested} so that a new link is e-mailed; otherwise its owner is
 * told by e-mail ({@link RegistrationEvents#attemptedForExistingAccount}). Both mails only within the address's
 * {@link MailAllowance}: a hundred parallel registrations of one address send one mail.
 */
@Service
public class RegistrationService {

    private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    private final Accounts accounts;
    private final RegistrationEvents events;
    private final ConfirmationLinks links;
    private final MailAllowance allowance;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final RegistrationProperties properties;
    private final Clock clock;

    public RegistrationService(Accounts accounts, RegistrationEvents events, ConfirmationLinks links, MailAllowance allowance,
                               PasswordEncoder passwords, TransactionTemplate transactions, RegistrationProperties properties,
                               Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.links = links;
        this.allowance = allowance;
        this.passwords = passwords;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @throws Refusal REGION_NOT_SERVED (422) where Medimail is not the region's secure messaging;
     *                 PASSWORD_TOO_WEAK or TOO_LONG (400) for a password outside the policy
     */
    public RegistrationReceipt register(Registration registration) {
        if (!properties.servedRegions().contains(registration.region())) {
            throw Refusal.unprocessable("REGION_NOT_SERVED", TEXTS.text("registration.region-not-served"));
        }
        if (!PasswordPolicy.fitsHashing(registration.password())) {
            throw Refusal.invalidField("password", "TOO_LONG", TEXTS.text("registration.password.too-long-to-hash"));
        }
        if (!PasswordPolicy.isStrongEnough(registration.password())) {
            throw Refusal.invalidField("password", "PASSWORD_TOO_WEAK",
                    TEXTS.text("password.too-weak", Integer.toString(PasswordPolicy.MIN_LENGTH)));
        }
        // Hashed whatever happens next, so that an existing address does not answer faster than a new one.
        String passwordHash = passwords.encode(registration.password());
        String email = EmailAddresses.normalise(registration.email());
        try {
            return transactions.execute(status -> registerOnce(registration, email, passwordHash));
        } catch (DataIntegrityViolationException sameAddressMeanwhile) {
            // A concurrent request registered the same address between our check and our insert: it now exists.
            return transactions.execute(status -> registerOnce(registration, email, passwordHash));
        }
    }

    private RegistrationReceipt registerOnce(Registration registration, String email, String passwordHash) {
        Instant now = clock.instant();
        // Locked: concurrent registrations of one unconfirmed address are handled one after the other.
        Account existing = accounts.lockByEmail(email).orElse(null);
        if (existing != null) {
            if (existing.status() == AccountStatus.EMAIL_CONFIRMATION_PENDING) {
                // Within the address's allowance only: a burst of registrations sends one link, and the previous
                // link keeps working when no new one is sent.
                if (allowance.take(email, MailKind.CONFIRMATION) && links.renew(existing)) {
                    log.info("Account {} registered again before confirming its address: new confirmation link", existing.id());
                } else {
                    log.info("Account {} registered again before confirming its address: no new link (allowance used up)",
                            existing.id());
                }
            } else if (allowance.take(email, MailKind.EXISTING_ACCOUNT_NOTICE)) {
                events.attemptedForExistingAccount(existing, now);
                log.info("Registration attempted with the address of existing account {}", existing.id());
            } else {
                log.info("Registration attempted with the address of existing account {}: owner already told", existing.id());
            }
            // A fresh id that designates nothing: the answer must look like a new registration's.
            return new RegistrationReceipt(UUID.randomUUID(), AccountStatus.EMAIL_CONFIRMATION_PENDING);
        }

        // The first confirmation mail of the address counts too; a new account's insert is what concurrent
        // registrations collide on, so this grant is never contended.
        allowance.take(email, MailKind.CONFIRMATION);
        Account account = links.firstLink(UUID.randomUUID(), email, registration.lastName(), registration.firstName(),
                registration.region(), passwordHash);
        log.info("Account {} requested, waiting for its e-mail confirmation", account.id());
        return new RegistrationReceipt(account.id(), account.status());
    }
}
