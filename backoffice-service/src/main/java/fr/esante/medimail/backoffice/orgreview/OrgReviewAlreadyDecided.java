package fr.esante.medimail.backoffice.orgreview;

/** Someone decided (or closed) the ORG review first. */
public class OrgReviewAlreadyDecided extends RuntimeException {

    private final transient OrgReview review;

    public OrgReviewAlreadyDecided(OrgReview review) {
        super("ORG review " + review.id() + " is " + review.status(), null, false, false);
        this.review = review;
    }

    public OrgReview review() {
        return review;
    }
}
