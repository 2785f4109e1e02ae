package fr.esante.medimail.identity.decision;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Keeps every decision with its evidence, and the manual reviews with their conclusions, for audit (port). */
public interface DecisionLog {

    /** Records the decision; a MANUAL_REVIEW decision also opens its pending review. */
    void record(Decision decision, PublishedEvent event);

    /** Decisions about an account, newest first, with their evidence and review as stored (audit, staff tools). */
    List<Map<String, Object>> forAccount(UUID accountId);

    /**
     * The review of this decision if it is still pending, locked until the end of the transaction so that two
     * conclusions cannot both be applied. Empty for an unknown decision or one already concluded.
     */
    Optional<PendingReview> lockPendingReview(UUID decisionId);

    /** Records the conclusion of a review returned by {@link #lockPendingReview}, and the event it led to. */
    void recordConclusion(ReviewConclusion conclusion, PublishedEvent event);

    /** Which event announced the decision. */
    record PublishedEvent(String type, UUID eventId) {
    }
}
