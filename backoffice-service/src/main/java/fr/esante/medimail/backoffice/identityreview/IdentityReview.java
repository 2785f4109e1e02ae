package fr.esante.medimail.backoffice.identityreview;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An identity a staff member must confirm or refuse, distinct from the review of a complete account file:
 * it comes before the MSSanté address, and its conclusion goes back to identity-verification-service.
 *
 * @param email         the applicant's e-mail, when the back office has their profile (to contact them)
 * @param refusalReason the reviewer's text, in French, for the applicant
 */
public record IdentityReview(UUID id, IdentityReviewRequest request, String email, IdentityReviewStatus status,
                             Instant decidedAt, String decidedBy, String refusalReason) {

    /** The longest refusal text a reviewer may write (it is shown to the applicant). */
    public static final int MAX_REASON_LENGTH = 1000;

    public IdentityReview {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
    }

    public boolean pending() {
        return status == IdentityReviewStatus.PENDING;
    }

    public static boolean validReason(String reason) {
        return reason != null && !reason.isBlank() && reason.strip().length() <= MAX_REASON_LENGTH;
    }
}
