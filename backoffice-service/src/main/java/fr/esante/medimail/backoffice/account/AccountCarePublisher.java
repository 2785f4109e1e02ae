package fr.esante.medimail.backoffice.account;

import java.time.Instant;
import java.util.UUID;

/**
 * Tells the platform (registration-service) that an account was closed or reopened, or asks it to apply a staff
 * correction of contact details, inside the action's transaction.
 */
public interface AccountCarePublisher {

    void closed(AccountClosure closure, String mssAddress);

    void reopened(AccountClosure formerClosure, Instant at, String staff);

    void contactCorrected(UUID accountId, ContactCorrection correction, Instant at, String staff);
}
