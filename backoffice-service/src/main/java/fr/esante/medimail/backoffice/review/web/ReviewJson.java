package fr.esante.medimail.backoffice.review.web;

import fr.esante.medimail.backoffice.orgreview.OrgReview;

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
                  String rejectionReason, String kind, UUID requestId) {

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
                review.status().name(), review.decidedAt(), review.decidedBy(), review.rejectionReason(), KIND, null);
    }

    /**
     * An organisational mailbox request (kind ORG): {@code requestId} is the request's id, {@code registrationId},
     * names and e-mail the requester's; {@code identifierType}/{@code identifier} the structure's (FINESS or SIRET),
     * {@code mssAddress} the proposed address; no profession.
     */
    static ReviewJson ofOrg(OrgReview review, ReviewPromise promise, java.time.Instant now) {
        java.time.Instant end = review.decidedAt() != null ? review.decidedAt() : now;
        java.time.Duration age = java.time.Duration.between(review.submittedAt(), end);
        age = age.isNegative() ? java.time.Duration.ZERO : age;
        return new ReviewJson(review.id(), UUID.fromString(review.requesterRegistrationId()), review.requesterLastName(),
                review.requesterFirstName(), review.requesterEmail(), null, review.structureIdentifierType(),
                review.structureIdentifier(), review.mssAddress(), OrgReview.KIND, review.submittedAt(), age.toHours(),
                age.compareTo(promise.promise()) > 0, review.status(), review.decidedAt(), review.decidedBy(),
                review.rejectionReason(), OrgReview.KIND, review.requestId());
    }
}
