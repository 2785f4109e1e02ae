package fr.esante.medimail.backoffice.identityreview;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What identity-verification-service could not settle alone (IdentityReviewRequested): the declared identity,
 * what the directory said, and its evidence. {@code detail} and {@code evidence} are English, written for staff.
 *
 * @param decisionId the identity decision to settle; the conclusion names it back
 * @param reason     NAME_MISMATCH (a near miss), DIRECTORY_UNAVAILABLE, ...
 */
public record IdentityReviewRequest(UUID decisionId, UUID accountId, Instant requestedAt, String reason, String detail,
                                    String path, String declaredLastName, String declaredFirstName,
                                    String directoryLastName, String directoryFirstName, String identifierType,
                                    String identifier, String profession, String source, Long directoryImportId,
                                    String liveFailure, String evidence) {

    public IdentityReviewRequest {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(reason, "reason");
    }
}
