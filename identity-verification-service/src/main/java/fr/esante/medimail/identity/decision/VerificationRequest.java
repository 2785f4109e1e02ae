package fr.esante.medimail.identity.decision;

import java.time.Instant;
import java.util.UUID;

/**
 * A submitted professional profile, as much of it as identity checks use.
 *
 * @param identityVouchedBy {@link #PRO_SANTE_CONNECT} when the RPPS, names and profession come from the identity Pro
 *                          Santé Connect vouched for; null when the holder typed them
 */
public record VerificationRequest(UUID eventId, UUID accountId, Instant submittedAt, String lastName, String firstName,
                                  String path, String identifierType, String identifier, String profession,
                                  String specialty, boolean liberal, String organisationName, String identityVouchedBy) {

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

    public boolean vouchedByProSanteConnect() {
        return PRO_SANTE_CONNECT.equals(identityVouchedBy);
    }
}
