package fr.esante.medimail.backoffice.identityreview;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Where identity reviews are kept (port). */
public interface IdentityReviews {

    /** Opens a pending review of the decision, unless it has one already. Returns whether it was opened. */
    boolean open(UUID reviewId, IdentityReviewRequest request);

    Optional<IdentityReview> find(UUID reviewId);

    /** The identity reviews of one account, oldest request first (the history a reviewer reads). */
    List<IdentityReview> ofAccount(UUID accountId);

    /** Reviews in these statuses, oldest request first. */
    List<IdentityReview> list(Set<IdentityReviewStatus> statuses);

    /**
     * Records the conclusion if, and only if, the review is still pending at that moment (one conditional
     * update: of two staff members concluding at once, exactly one gets {@code true}).
     */
    boolean conclude(UUID reviewId, IdentityReviewStatus outcome, Instant at, String by, String refusalReason);
}
