package fr.esante.medimail.identity.decision;

/** Announces decisions to the rest of the platform, in the caller's transaction (port). */
public interface DecisionPublisher {

    /** IdentityVerified, IdentityRejected, or IdentityReviewRequested for a MANUAL_REVIEW decision. */
    DecisionLog.PublishedEvent publish(Decision decision);

    /** IdentityVerified after a reviewer confirmed the identity of a pending review. */
    DecisionLog.PublishedEvent publishConfirmed(PendingReview review, ReviewConclusion conclusion);

    /** IdentityRejected (REJECTED_BY_REVIEWER) after a reviewer refused the identity of a pending review. */
    DecisionLog.PublishedEvent publishRefused(PendingReview review, ReviewConclusion conclusion);
}
