package fr.esante.medimail.identity.decision;

public enum Outcome {
    VERIFIED,
    REJECTED,
    /**
     * A person must settle it: a near miss on the name, or no directory able to answer. Published as
     * IdentityReviewRequested; IdentityVerified or IdentityRejected follows the reviewer's conclusion.
     */
    MANUAL_REVIEW
}
