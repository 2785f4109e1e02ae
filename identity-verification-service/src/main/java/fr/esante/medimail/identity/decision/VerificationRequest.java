package fr.esante.medimail.identity.decision;

import java.time.Instant;
import java.util.UUID;

/**
 * A submitted professional profile, as much of it as identity checks use.
 *
 * @param identityVouchedBy {@link #PRO_SANTE_CONNECT} when the RPPS, names and profession come from the identity Pro
 *                          Santé Connect vouched for; null when the holder typed them
 * @param namesCorrectedByStaff the names are staff's correction of a validated account's (a re-check), not the
 *                              holder's declaration: a clear mismatch then goes to a reviewer instead of being refused
 */
public record VerificationRequest(UUID eventId, UUID accountId, Instant submittedAt, String lastName, String firstName,
                                  String path, String identifierType, String identifier, String profession,
                                  String specialty, boolean liberal, String organisationName, String identityVouchedBy,
                                  boolean namesCorrectedByStaff) {

    public static final String NATIONAL_ID = "NATIONAL_ID";
    public static final String FOREIGN_OR_IN_TRAINING = "FOREIGN_OR_IN_TRAINING";
    public static final String PRO_SANTE_CONNECT = "PRO_SANTE_CONNECT";

    /** A profile the holder typed (no identity provider vouched for it). */
    public VerificationRequest(UUID eventId, UUID accountId, Instant submittedAt, String lastName, String firstName,
                               String path, String identifierType, String identifier, String profession,
                               String specialty, boolean liberal, String organisationName) {
        this(eventId, accountId, submittedAt, lastName, firstName, path, identifierType, identifier, profession, specialty,
                liberal, organisationName, null);
    }

    /** A submitted profile: its names are the holder's declaration. */
    public VerificationRequest(UUID eventId, UUID accountId, Instant submittedAt, String lastName, String firstName,
                               String path, String identifierType, String identifier, String profession,
                               String specialty, boolean liberal, String organisationName, String identityVouchedBy) {
        this(eventId, accountId, submittedAt, lastName, firstName, path, identifierType, identifier, profession, specialty,
                liberal, organisationName, identityVouchedBy, false);
    }

    /** This request, with names that staff typed when correcting a validated account. */
    public VerificationRequest withNamesCorrectedByStaff() {
        return new VerificationRequest(eventId, accountId, submittedAt, lastName, firstName, path, identifierType, identifier,
                profession, specialty, liberal, organisationName, identityVouchedBy, true);
    }

    public boolean vouchedByProSanteConnect() {
        return PRO_SANTE_CONNECT.equals(identityVouchedBy);
    }
}
