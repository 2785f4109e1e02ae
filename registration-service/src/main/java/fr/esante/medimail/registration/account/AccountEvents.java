package fr.esante.medimail.registration.account;

import java.time.Instant;

/**
 * Tells the rest of the platform what the holder now sees of their account. Implementations record the event in
 * the caller's transaction, so the status and its announcement are committed together or not at all.
 */
public interface AccountEvents {

    /**
     * @param change what happened, e.g. IDENTITY_REJECTED, MSS_ADDRESS_ASSIGNED, MAILBOX_BECAME_PER, VALIDATED
     */
    void statusChanged(Account account, String change, Instant at);
}
