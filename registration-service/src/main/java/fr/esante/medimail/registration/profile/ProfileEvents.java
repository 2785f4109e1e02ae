package fr.esante.medimail.registration.profile;

import java.time.Instant;
import java.util.UUID;

import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.ProfessionalProfile;

/**
 * Tells identity-verification-service that a profile awaits its check, the directory publishers that contact
 * details or names changed, and the back office that a correction it asked for was refused. Implementations record
 * the event in the caller's transaction.
 */
public interface ProfileEvents {

    /** @param vouchedByProSanteConnect the RPPS, names and profession are those Pro Santé Connect asserted */
    void profileSubmitted(Account account, ProfessionalProfile profile, Instant at, boolean vouchedByProSanteConnect);

    /** @param changed the whole new state, not only what changed */
    void contactDetailsChanged(Account account, ProfessionalProfile changed, Instant at);

    /**
     * Staff corrected the names (the account holds the new ones): the identity is to be checked again.
     *
     * @param previous the names before the correction
     */
    void namesCorrected(Account account, NameCorrectionByStaff.Names previous, String staff, Instant at);

    /** This service refused a correction staff requested; nothing was changed. */
    void staffCorrectionRefused(UUID accountId, StaffCorrectionRefusal refusal, Instant at);
}
