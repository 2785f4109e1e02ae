package fr.esante.medimail.backoffice.applicant;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the identity check found and accepted: the facts a reviewer looks at before deciding.
 * {@code source} says what the decision was based on (LIVE_DIRECTORY, IMPORTED_DIRECTORY, IDENTIFIER_SYNTAX,
 * MANUAL_REVIEW or PRO_SANTE_CONNECT); {@code directoryImportedAt}, for IMPORTED_DIRECTORY, when that directory was
 * imported (null when unknown: other sources, or evidence recorded before identity-verification-service sent it).
 */
public record IdentityEvidence(String lastName, String firstName, String profession, List<String> specialties,
                               String identifierType, String identifier, String mailboxType,
                               String structureIdentifier, String source, List<DirectoryActivity> activities,
                               Instant verifiedAt, Instant directoryImportedAt) {

    public IdentityEvidence {
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        specialties = specialties == null ? List.of() : List.copyOf(specialties);
        activities = activities == null ? List.of() : List.copyOf(activities);
    }
}
