package fr.esante.medimail.backoffice.review;

import java.util.UUID;

/**
 * An approval was asked for while the identity evidence of the reviewed profile is not on file: the account
 * cannot be validated (nor announced to directory publishers) without the checked identity.
 */
public class IdentityNotVerified extends RuntimeException {

    private final UUID reviewId;

    public IdentityNotVerified(UUID reviewId, UUID accountId) {
        super("Review " + reviewId + ": no identity evidence on file for the current profile of account " + accountId);
        this.reviewId = reviewId;
    }

    public UUID reviewId() {
        return reviewId;
    }
}
