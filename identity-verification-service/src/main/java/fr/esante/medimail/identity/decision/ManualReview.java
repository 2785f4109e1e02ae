package fr.esante.medimail.identity.decision;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a reviewer's conclusion to a pending review: a confirmation publishes IdentityVerified with what the
 * review kept, a refusal IdentityRejected REJECTED_BY_REVIEWER with the reviewer's text. This service stays
 * the only one to announce identity outcomes; the back office only says what the reviewer concluded.
 * A conclusion for an unknown decision, another account's, or one already concluded changes nothing: it is
 * logged, never thrown (a retry could not make it applicable).
 */
public class ManualReview {

    private static final Logger log = LoggerFactory.getLogger(ManualReview.class);

    private final DecisionLog decisions;
    private final DecisionPublisher publisher;
    private final OneLiveAccountPerIdentifier oneAccountPerIdentifier;

    public ManualReview(DecisionLog decisions, DecisionPublisher publisher, OneLiveAccountPerIdentifier oneAccountPerIdentifier) {
        this.decisions = decisions;
        this.publisher = publisher;
        this.oneAccountPerIdentifier = oneAccountPerIdentifier;
    }

    /** Returns whether the conclusion was applied. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean conclude(ReviewConclusion conclusion) {
        Optional<PendingReview> pending = decisions.lockPendingReview(conclusion.decisionId());
        if (pending.isEmpty()) {
            log.warn("Review conclusion {} for decision {} (account {}): no pending review, ignored", conclusion.eventId(),
                    conclusion.decisionId(), conclusion.accountId());
            return false;
        }
        PendingReview review = pending.get();
        if (!review.accountId().equals(conclusion.accountId())) {
            log.warn("Review conclusion {} names account {} but decision {} is about account {}: ignored",
                    conclusion.eventId(), conclusion.accountId(), review.decisionId(), review.accountId());
            return false;
        }
        DecisionLog.PublishedEvent event = conclusion.confirmed()
                ? publisher.publishConfirmed(review, conclusion)
                : publisher.publishRefused(review, conclusion);
        decisions.recordConclusion(conclusion, event);
        if (!conclusion.confirmed() && !review.namesCorrectedByStaff()) {
            oneAccountPerIdentifier.accountNoLongerLive(review.accountId(), "identity refused by a reviewer");
        }
        log.info("Identity review of decision {} (account {}) concluded by {}: {}", review.decisionId(), review.accountId(),
                conclusion.reviewedBy(), conclusion.confirmed() ? "confirmed" : "refused");
        return true;
    }
}
