package fr.esante.medimail.backoffice.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import fr.esante.medimail.backoffice.applicant.ApplicantFile;

/** When an applicant's file calls for a new review. */
final class ReviewOpening {

    private ReviewOpening() {
    }

    /**
     * The submission time of the profile to review now, if any: the file must hold a profile and an MSSante
     * address; an account is validated only once; a pending review already covers the latest profile; and a
     * profile is reviewed again only if it was submitted after the last decision (a resubmission after a
     * rejection), never because an event about it was seen again.
     */
    static Optional<Instant> submissionToReview(ApplicantFile file, List<Review> history) {
        if (!file.readyForReview()) {
            return Optional.empty();
        }
        Instant submittedAt = file.profile().submittedAt();
        for (Review review : history) {
            if (review.status() != ReviewStatus.REJECTED) {
                return Optional.empty(); // pending (covers the latest data) or approved (for good)
            }
            if (!submittedAt.isAfter(review.submittedAt()) || !submittedAt.isAfter(review.decidedAt())) {
                return Optional.empty(); // this profile was already before a reviewer
            }
        }
        return Optional.of(submittedAt);
    }
}
