package fr.esante.medimail.backoffice.account;

import java.time.Instant;
import java.util.UUID;

/**
 * Tells the platform (registration-service) that an account was closed or reopened, or asks it to apply a staff
 * correction of contact details or names, inside the action's transaction.
 */
public interface AccountCarePublisher {

    void closed(AccountClosure closure, String mssAddress);

    void reopened(AccountClosure formerClosure, Instant at, String staff);

    void contactCorrected(UUID accountId, ContactCorrection correction, Instant at, String staff);

    void namesCorrected(UUID accountId, NameCorrection correction, Instant at, String staff);
}
