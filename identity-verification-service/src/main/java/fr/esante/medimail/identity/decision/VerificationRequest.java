package fr.esante.medimail.identity.decision;

import java.time.Instant;
import java.util.UUID;

/** A submitted professional profile, as much of it as identity checks use. */
public record VerificationRequest(UUID eventId, UUID accountId, Instant submittedAt, String lastName, String firstName,
                                  String path, String identifierType, String identifier, String profession,
                                  String specialty, boolean liberal, String organisationName) {

    public static final String NATIONAL_ID = "NATIONAL_ID";
    public static final String FOREIGN_OR_IN_TRAINING = "FOREIGN_OR_IN_TRAINING";
}
