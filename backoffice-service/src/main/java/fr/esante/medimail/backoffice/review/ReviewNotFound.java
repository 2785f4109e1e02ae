package fr.esante.medimail.backoffice.review;

import java.util.UUID;

public class ReviewNotFound extends RuntimeException {

    public ReviewNotFound(UUID reviewId) {
        super("No review " + reviewId);
    }
}
