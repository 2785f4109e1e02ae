package fr.esante.medimail.backoffice.review.web;

import java.time.Instant;
import java.util.UUID;

import fr.esante.medimail.backoffice.applicant.ApplicantFile;
import fr.esante.medimail.backoffice.applicant.ApplicantProfile;
import fr.esante.medimail.backoffice.review.Review;
import fr.esante.medimail.backoffice.review.ReviewCase;
import fr.esante.medimail.backoffice.review.ReviewPromise;

/**
 * A review as the API shows it (public-api.md, "Back office"). {@code ageHours} runs from the profile
 * submission to the decision, or to now while pending; {@code overdue}: past the promised delay.
 * {@code status}, {@code decidedAt}, {@code decidedBy}, {@code rejectionReason} and {@code kind} (always ACCOUNT:
 * identity reviews, /api/v1/identity-reviews, say IDENTITY) come on top of the contract.
 */
record ReviewJson(UUID id, UUID registrationId, String lastName, String firstName, String email, String profession,
                  String identifierType, String identifier, String mssAddress, String mailboxType, Instant submittedAt,
                  long ageHours, boolean overdue, String status, Instant decidedAt, String decidedBy,
                  String rejectionReason, String kind) {

    static final String KIND = "ACCOUNT";

    static ReviewJson of(ReviewCase reviewCase, ReviewPromise promise) {
        Review review = reviewCase.review();
        ApplicantFile file = reviewCase.file();
        ApplicantProfile profile = file.profile();
        return new ReviewJson(review.id(), file.accountId(),
                profile == null ? null : profile.lastName(),
                profile == null ? null : profile.firstName(),
                profile == null ? null : profile.email(),
                profile == null ? null : profile.profession(),
                file.identifierType(), file.identifier(),
                file.address() == null ? null : file.address().address(),
                file.mailboxType(), review.submittedAt(), promise.ageOf(review).toHours(), promise.overdue(review),
                review.status().name(), review.decidedAt(), review.decidedBy(), review.rejectionReason(), KIND);
    }
}
