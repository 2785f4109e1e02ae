package fr.esante.medimail.backoffice.review;

import java.time.Instant;
import java.util.Objects;

/** A staff decision on a pending review: approval, or rejection with a reason written for the applicant. */
public record Decision(ReviewStatus outcome, Instant decidedAt, String decidedBy, String rejectionReason) {

    /** The longest reason a reviewer may write (it is e-mailed to the applicant). */
    public static final int MAX_REASON_LENGTH = 1000;

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (outcome == ReviewStatus.PENDING) {
            throw new IllegalArgumentException("A decision approves or rejects");
        }
        if (decidedBy == null || decidedBy.isBlank()) {
            throw new IllegalArgumentException("A decision is taken by a named staff member");
        }
        if (outcome == ReviewStatus.REJECTED && !validReason(rejectionReason)) {
            throw new IllegalArgumentException("A rejection needs a reason of 1 to " + MAX_REASON_LENGTH + " characters");
        }
        if (outcome == ReviewStatus.APPROVED && rejectionReason != null) {
            throw new IllegalArgumentException("An approval has no rejection reason");
        }
    }

    public static Decision approval(Instant at, String by) {
        return new Decision(ReviewStatus.APPROVED, at, by, null);
    }

    public static Decision rejection(Instant at, String by, String reason) {
        return new Decision(ReviewStatus.REJECTED, at, by, reason == null ? null : reason.strip());
    }

    public static boolean validReason(String reason) {
        return reason != null && !reason.isBlank() && reason.strip().length() <= MAX_REASON_LENGTH;
    }
}
