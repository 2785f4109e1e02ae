package fr.esante.medimail.backoffice.identityreview;

/** The identity review was concluded before (possibly a moment ago, by someone else). */
public class IdentityReviewAlreadyDecided extends RuntimeException {

    private final transient IdentityReview review;

    public IdentityReviewAlreadyDecided(IdentityReview review) {
        super("Identity review " + review.id() + " is already " + review.status());
        this.review = review;
    }

    public IdentityReview review() {
        return review;
    }
}
