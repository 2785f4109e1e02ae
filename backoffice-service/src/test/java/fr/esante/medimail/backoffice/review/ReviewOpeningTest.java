package fr.esante.medimail.backoffice.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.backoffice.applicant.ApplicantFile;
import fr.esante.medimail.backoffice.applicant.ApplicantProfile;
import fr.esante.medimail.backoffice.applicant.AssignedAddress;
import fr.esante.medimail.backoffice.applicant.IdentityEvidence;
import fr.esante.medimail.backoffice.applicant.PostalAddress;

class ReviewOpeningTest {

    private static final UUID ACCOUNT = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final AssignedAddress ADDRESS = new AssignedAddress("jean.durand@medecin.oc.mssante.fr", "PER", T0);

    @Test
    void aFileIsReviewedOnceItHasAProfileAnAddressAndTheIdentityEvidenceForThatProfile() {
        assertThat(ReviewOpening.submissionToReview(file(T0, identity(T0.plusSeconds(60)), null), List.of())).isEmpty();
        assertThat(ReviewOpening.submissionToReview(new ApplicantFile(ACCOUNT, null, identity(T0), ADDRESS), List.of()))
                .isEmpty();
        assertThat(ReviewOpening.submissionToReview(file(T0, null, ADDRESS), List.of()))
                .as("the address came before the identity evidence").isEmpty();
        assertThat(ReviewOpening.submissionToReview(file(T0, identity(T0.minusSeconds(60)), ADDRESS), List.of()))
                .as("evidence gathered for an earlier submission").isEmpty();
        assertThat(ReviewOpening.submissionToReview(file(T0, identity(T0.plusSeconds(60)), ADDRESS), List.of()))
                .contains(T0);
    }

    @Test
    void aPendingOrApprovedReviewBlocksANewOneAndARejectionOnlyBlocksItsOwnSubmission() {
        Instant later = T0.plusSeconds(3600);
        ApplicantFile ready = file(later, identity(later.plusSeconds(60)), ADDRESS);
        assertThat(ReviewOpening.submissionToReview(ready, List.of(review(ReviewStatus.PENDING, T0, null)))).isEmpty();
        assertThat(ReviewOpening.submissionToReview(ready, List.of(review(ReviewStatus.APPROVED, T0, T0.plusSeconds(60)))))
                .as("a validated account (e.g. INT adding its RPPS) is not reviewed again").isEmpty();
        assertThat(ReviewOpening.submissionToReview(ready, List.of(review(ReviewStatus.REJECTED, later, later.plusSeconds(60)))))
                .as("the rejected submission itself, seen again").isEmpty();
        assertThat(ReviewOpening.submissionToReview(ready, List.of(review(ReviewStatus.REJECTED, T0, T0.plusSeconds(60)))))
                .as("a profile corrected after a rejection is reviewed again").contains(later);
    }

    private static ApplicantFile file(Instant submittedAt, IdentityEvidence identity, AssignedAddress address) {
        ApplicantProfile profile = new ApplicantProfile(ACCOUNT, "DURAND", "Jean", "jean@example.org", "NATIONAL_ID",
                "RPPS", "99800000012", "10", null, true, "0561000000", null,
                new PostalAddress("1 rue", "31000", "Toulouse", "76", "31"), null, null, true, true, submittedAt);
        return new ApplicantFile(ACCOUNT, profile, identity, address);
    }

    private static IdentityEvidence identity(Instant verifiedAt) {
        return new IdentityEvidence("DURAND", "Jean", "10", List.of(), "RPPS", "99800000012", "PER", null,
                "IMPORTED_DIRECTORY", List.of(), verifiedAt, null);
    }

    private static Review review(ReviewStatus status, Instant submittedAt, Instant decidedAt) {
        return new Review(UUID.randomUUID(), ACCOUNT, status, submittedAt, submittedAt, decidedAt,
                decidedAt == null ? null : "agent", status == ReviewStatus.REJECTED ? "Motif" : null);
    }
}
