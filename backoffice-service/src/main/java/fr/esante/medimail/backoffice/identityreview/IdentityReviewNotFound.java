package fr.esante.medimail.backoffice.identityreview;

import java.util.UUID;

public class IdentityReviewNotFound extends RuntimeException {

    public IdentityReviewNotFound(UUID reviewId) {
        super("No identity review " + reviewId);
    }
}
