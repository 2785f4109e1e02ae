package fr.esante.medimail.registration.confirmation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.registration.RegistrationProperties;
import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.Accounts;
import fr.esante.medimail.support.secrets.SecretTokens;

/**
 * Confirmation links: a fresh single-use token whose hash the account keeps, and the event
 * ({@link ConfirmationEvents#linkIssued}) that carries it sealed to notification-service, which mails the link. Runs in the caller's transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ConfirmationLinks {

    private final Accounts accounts;
    private final ConfirmationEvents events;
    private final RegistrationProperties properties;
    private final Clock clock;

    public ConfirmationLinks(Accounts accounts, ConfirmationEvents events, RegistrationProperties properties,
                             Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new account with its first link; the account is stored. */
    public Account firstLink(UUID id, String email, String lastName, String firstName, String region, String passwordHash) {
        Instant now = clock.instant();
        String token = SecretTokens.newToken();
        Instant expiresAt = now.plus(properties.confirmationValidity());
        Account account = Account.requested(id, email, lastName, firstName, region, passwordHash, SecretTokens.hash(token),
                expiresAt, now);
        accounts.add(account);
        mail(account, token, expiresAt, now);
        return account;
    }

    /**
     * A new link for an account (locked by the caller) still waiting for its confirmation: the previous link stops
     * working. Returns false, changing nothing, once the address is confirmed.
     */
    public boolean renew(Account account) {
        Instant now = clock.instant();
        String token = SecretTokens.newToken();
        Instant expiresAt = now.plus(properties.confirmationValidity());
        if (!account.renewConfirmation(SecretTokens.hash(token), expiresAt, now)) {
            return false;
        }
        accounts.update(account);
        mail(account, token, expiresAt, now);
        return true;
    }

    private void mail(Account account, String token, Instant expiresAt, Instant now) {
        events.linkIssued(account, token, expiresAt, now);
    }
}
