package fr.esante.medimail.backoffice.review;

/**
 * Tells the rest of the platform about decisions. Called inside the transaction that records the
 * decision: the announcement is kept if and only if the decision is.
 */
public interface DecisionPublisher {

    /** {@code decided} is an approved review. */
    void accountValidated(ReviewCase decided);

    /** {@code decided} is a rejected review. */
    void accountRejected(ReviewCase decided);
}
