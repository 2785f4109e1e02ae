package fr.esante.medimail.backoffice.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import fr.esante.medimail.backoffice.applicant.ApplicantFile;

/** When an applicant's file calls for a review. */
final class ReviewOpening {

    private ReviewOpening() {
    }

    /**
     * The submission time of the profile to review now, if any: the file must hold the profile, the MSSante
     * address and the identity evidence for that profile ({@link ApplicantFile#readyForReview()}), and the
     * account must have no review yet. An account is reviewed once: registration-service accepts no new profile
     * once the address is assigned, and a staff decision is final for the account (validated, or rejected for
     * good). So an earlier review, pending, approved or rejected, means there is nothing new to open, and an
     * event seen again never opens a second review.
     */
    static Optional<Instant> submissionToReview(ApplicantFile file, List<Review> history) {
        if (!file.readyForReview() || !history.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(file.profile().submittedAt());
    }
}
