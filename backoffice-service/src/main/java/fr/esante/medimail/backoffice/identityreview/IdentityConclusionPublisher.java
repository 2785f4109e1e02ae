package fr.esante.medimail.backoffice.identityreview;

/**
 * Tells identity-verification-service what the reviewer concluded (it alone announces identity outcomes).
 * Called inside the transaction that records the conclusion: the message is kept if and only if it is.
 */
public interface IdentityConclusionPublisher {

    /** {@code concluded} is a confirmed or refused review. */
    void concluded(IdentityReview concluded);
}
