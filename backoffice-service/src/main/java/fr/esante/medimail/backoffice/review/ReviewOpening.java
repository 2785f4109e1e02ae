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
     * account's history must allow a new review:
     * <ul>
     *   <li>none pending (one open review per account) and none approved: an approved account is validated for
     *       good; when a validated INT account adds its RPPS, the verified identity turns the mailbox into PER
     *       without a new staff decision, so its new profile opens no review;</li>
     *   <li>no review yet of this very submission: an event seen again never opens a second review, and a
     *       rejected submission stays rejected. A <em>corrected</em> profile submitted after a rejection is a new
     *       submission (a later time) and gets its own review.</li>
     *   <li>except that staff-corrected names of a validated account ({@link ApplicantFile#namesRecheckPending()})
     *       are a new submission reviewed again although an earlier one was approved.</li>
     * </ul>
     */
    static Optional<Instant> submissionToReview(ApplicantFile file, List<Review> history) {
        if (!file.readyForReview()) {
            return Optional.empty();
        }
        Instant submittedAt = file.profile().submittedAt();
        boolean blocked = history.stream().anyMatch(review -> review.status() == ReviewStatus.PENDING
                || review.status() == ReviewStatus.APPROVED && !file.namesRecheckPending()
                || !review.submittedAt().isBefore(submittedAt));
        return blocked ? Optional.empty() : Optional.of(submittedAt);
    }
}
