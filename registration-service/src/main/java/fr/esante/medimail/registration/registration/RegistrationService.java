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

import fr.esante.medimail.events.AccountRequested;
import fr.esante.medimail.events.RegistrationAttemptedForExistingAccount;
import fr.esante.medimail.registration.RegistrationProperties;
import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.AccountStatus;
import fr.esante.medimail.registration.account.Accounts;
import fr.esante.medimail.registration.account.EmailAddresses;
import fr.esante.medimail.registration.account.Refusal;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;
import fr.esante.medimail.support.secrets.SecretTokens;

/**
 * Self-registration. A new address gets an account waiting for its e-mail confirmation, and an
 * {@link AccountRequested} event carrying the confirmation token sealed for notification-service. An address
 * that already has an account gets the very same answer (no account enumeration): if that account is still
 * waiting for its confirmation (its link may have expired or been lost), it gets a fresh token, the previous one
 * no longer working, and a new {@link AccountRequested} so that a new link is e-mailed; otherwise its owner is
 * told by e-mail ({@link RegistrationAttemptedForExistingAccount}).
 */
@Service
public class RegistrationService {

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    private final Accounts accounts;
    private final Outbox outbox;
    private final SecretTokens secrets;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final RegistrationProperties properties;
    private final Clock clock;

    public RegistrationService(Accounts accounts, Outbox outbox, SecretTokens secrets, PasswordEncoder passwords,
                               TransactionTemplate transactions, RegistrationProperties properties, Clock clock) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.secrets = secrets;
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
            throw Refusal.unprocessable("REGION_NOT_SERVED", "L'inscription en ligne à Medimail n'est pas ouverte dans"
                    + " cette région : Medimail n'y est pas la messagerie sécurisée de santé retenue.");
        }
        if (!PasswordPolicy.fitsHashing(registration.password())) {
            throw Refusal.invalidField("password", "TOO_LONG", "Le mot de passe est trop long.");
        }
        if (!PasswordPolicy.isStrongEnough(registration.password())) {
            throw Refusal.invalidField("password", "PASSWORD_TOO_WEAK", "Le mot de passe doit comporter au moins "
                    + PasswordPolicy.MIN_LENGTH + " caractères, dont des lettres et des chiffres.");
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
        // Locked: concurrent registrations of one unconfirmed address renew its token one after the other.
        Account existing = accounts.lockByEmail(email).orElse(null);
        if (existing != null) {
            String token = SecretTokens.newToken();
            Instant expiresAt = now.plus(properties.confirmationValidity());
            if (existing.renewConfirmation(SecretTokens.hash(token), expiresAt, now)) {
                accounts.update(existing);
                confirmationRequested(existing, token, expiresAt, now);
                log.info("Account {} registered again before confirming its address: new confirmation link", existing.id());
            } else {
                outbox.append(Topics.REGISTRATION_ATTEMPTED_FOR_EXISTING_ACCOUNT, existing.id().toString(),
                        RegistrationAttemptedForExistingAccount.newBuilder()
                                .setEventId(UUID.randomUUID()).setAccountId(existing.id()).setOccurredAt(now)
                                .setEmail(existing.email()).setFirstName(existing.firstName())
                                .build());
                log.info("Registration attempted with the address of existing account {}", existing.id());
            }
            // A fresh id that designates nothing: the answer must look like a new registration's.
            return new RegistrationReceipt(UUID.randomUUID(), AccountStatus.EMAIL_CONFIRMATION_PENDING);
        }

        String token = SecretTokens.newToken();
        Instant expiresAt = now.plus(properties.confirmationValidity());
        Account account = Account.requested(UUID.randomUUID(), email, registration.lastName(), registration.firstName(),
                registration.region(), passwordHash, SecretTokens.hash(token), expiresAt, now);
        accounts.add(account);
        confirmationRequested(account, token, expiresAt, now);
        log.info("Account {} requested, waiting for its e-mail confirmation", account.id());
        return new RegistrationReceipt(account.id(), account.status());
    }

    /** The confirmation link to e-mail: the token travels sealed for notification-service. */
    private void confirmationRequested(Account account, String token, Instant expiresAt, Instant now) {
        outbox.append(Topics.ACCOUNT_REQUESTED, account.id().toString(), AccountRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(account.id()).setOccurredAt(now)
                .setLastName(account.lastName()).setFirstName(account.firstName()).setEmail(account.email())
                .setRegion(account.region())
                .setSealedConfirmationToken(secrets.seal(token))
                .setConfirmationExpiresAt(expiresAt)
                .build());
    }
}
