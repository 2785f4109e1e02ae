package fr.esante.medimail.registration.organisation;

import java.time.Instant;
import java.util.UUID;

import fr.esante.medimail.registration.account.Account;

/**
 * Tells identity-verification-service that a structure awaits its check (and, through it, staff), and
 * notification-service that a colleague was given access or had it taken away. Implementations record the event in the caller's transaction.
 */
public interface OrganisationalMailboxEvents {

    void requested(OrganisationalMailbox request, Account owner, Instant at);

    void memberAdded(OrganisationalMailbox mailbox, Account owner, Account member, Instant at);

    void memberRemoved(OrganisationalMailbox mailbox, Account owner, UUID memberAccountId, String memberEmail, Instant at);
}
