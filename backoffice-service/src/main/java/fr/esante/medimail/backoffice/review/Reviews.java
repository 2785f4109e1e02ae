package fr.esante.medimail.backoffice.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Where reviews are kept. */
public interface Reviews {

    /**
     * Opens a pending review of the profile submitted at {@code submittedAt}, unless this submission already
     * has one or the account already has a pending one. Returns whether it was opened.
     */
    boolean open(UUID reviewId, UUID accountId, Instant submittedAt);

    /** Every review of the account, oldest submission first. */
    List<Review> ofAccount(UUID accountId);

    Optional<ReviewCase> find(UUID reviewId);

    /**
     * The first {@code limit} pending reviews matching the query, oldest submission first, with the number of matches
     * and of those submitted before {@code overdueBefore}. Answers from the queue index, however long the queue.
     */
    QueuePage pending(QueueQuery query, int limit, Instant overdueBefore);

    /** Reviews in these statuses with their applicants' files, oldest submission first. */
    List<ReviewCase> list(Set<ReviewStatus> statuses);

    /**
     * Records the decision if, and only if, the review is still pending at that moment (one conditional
     * update: of two staff members deciding at once, exactly one gets {@code true}).
     *
     * @throws AccountAlreadyValidated when approving would validate an account a second time
     */
    boolean decide(UUID reviewId, Decision decision);
}
