package fr.esante.medimail.backoffice.applicant;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The professional profile as the applicant declared it, at its latest submission. */
public record ApplicantProfile(UUID accountId, String lastName, String firstName, String email, String path,
                               String identifierType, String identifier, String profession, String specialty,
                               boolean liberal, String phone, String secondPhone, PostalAddress address,
                               String organisationName, String serviceName, boolean directoryVisible,
                               boolean paperless, Instant submittedAt) {

    public ApplicantProfile {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }
}
