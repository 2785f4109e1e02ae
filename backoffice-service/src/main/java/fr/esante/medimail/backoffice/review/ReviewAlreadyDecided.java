package fr.esante.medimail.backoffice.review;

/** The review was decided before (possibly a moment ago, by someone else). */
public class ReviewAlreadyDecided extends RuntimeException {

    private final transient Review review;

    public ReviewAlreadyDecided(Review review) {
        super("Review " + review.id() + " is already " + review.status());
        this.review = review;
    }

    public Review review() {
        return review;
    }
}
