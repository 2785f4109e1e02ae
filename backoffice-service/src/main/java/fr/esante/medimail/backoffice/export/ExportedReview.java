package fr.esante.medimail.backoffice.export;

import java.time.Instant;
import java.util.UUID;

/** One line of an export: a review (pending, or decided) with the applicant's main facts. */
public record ExportedReview(UUID reviewId, UUID accountId, String status, Instant submittedAt, Instant decidedAt,
                             String decidedBy, String rejectionReason, String lastName, String firstName, String email,
                             String profession, String identifierType, String identifier, String mssAddress,
                             String mailboxType, String region) {
}
