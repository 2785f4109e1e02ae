package fr.esante.medimail.identity.decision;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A staff member's conclusion on a pending review (IdentityReviewConcluded).
 *
 * @param eventId   the IdentityReviewConcluded event, kept in the audit
 * @param reason    when refused: the reviewer's text, in French, for the applicant (may be null)
 */
public record ReviewConclusion(UUID eventId, UUID accountId, UUID decisionId, boolean confirmed, String reason,
                               String reviewedBy, Instant concludedAt) {

    public ReviewConclusion {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(reviewedBy, "reviewedBy");
    }
}
