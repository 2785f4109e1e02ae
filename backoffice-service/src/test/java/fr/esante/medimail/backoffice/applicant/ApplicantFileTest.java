package fr.esante.medimail.backoffice.applicant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ApplicantFileTest {

    private static final UUID ACCOUNT = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void theIdentifierIsTheOneTheIdentityCheckNormalisedWhenThereIsOne() {
        ApplicantProfile profile = profile("0" + "99800000012", T0);
        assertThat(new ApplicantFile(ACCOUNT, profile, null, null).identifier()).isEqualTo("099800000012");
        ApplicantFile checked = new ApplicantFile(ACCOUNT, profile, identity(T0.plusSeconds(5)), null);
        assertThat(checked.identifier()).isEqualTo("99800000012");
        assertThat(checked.identifierType()).isEqualTo("RPPS");
    }

    @Test
    void theAssignedAddressSaysWhichMailboxType() {
        ApplicantFile file = new ApplicantFile(ACCOUNT, profile("99800000012", T0), identity(T0),
                new AssignedAddress("x@medecin.oc.mssante.fr", "INT", T0));
        assertThat(file.mailboxType()).isEqualTo("INT");
        assertThat(new ApplicantFile(ACCOUNT, null, identity(T0), null).mailboxType()).isEqualTo("PER");
    }

    @Test
    void evidenceOlderThanTheProfileWasGatheredForAnEarlierSubmission() {
        assertThat(new ApplicantFile(ACCOUNT, profile("1", T0), identity(T0.plusSeconds(1)), null)
                .identityCheckedForCurrentProfile()).isTrue();
        assertThat(new ApplicantFile(ACCOUNT, profile("1", T0), identity(T0.minusSeconds(1)), null)
                .identityCheckedForCurrentProfile()).isFalse();
    }

    @Test
    void aFileIsReadyForReviewWithItsProfileItsAddressAndTheEvidenceForThatProfileWhateverTheOrder() {
        AssignedAddress address = new AssignedAddress("jean.durand@medecin.oc.mssante.fr", "PER", T0);
        assertThat(new ApplicantFile(ACCOUNT, profile("1", T0), null, address).readyForReview())
                .as("profile and address, no evidence yet").isFalse();
        assertThat(new ApplicantFile(ACCOUNT, null, identity(T0), address).readyForReview()).isFalse();
        assertThat(new ApplicantFile(ACCOUNT, profile("1", T0), identity(T0.plusSeconds(1)), null).readyForReview())
                .isFalse();
        assertThat(new ApplicantFile(ACCOUNT, profile("1", T0), identity(T0.minusSeconds(1)), address).readyForReview())
                .as("evidence of an earlier submission").isFalse();
        assertThat(new ApplicantFile(ACCOUNT, profile("1", T0), identity(T0.plusSeconds(1)), address).readyForReview())
                .isTrue();
    }

    private static ApplicantProfile profile(String identifier, Instant at) {
        return new ApplicantProfile(ACCOUNT, "DURAND", "Jean", "jean@example.org", "NATIONAL_ID", "RPPS", identifier,
                "10", null, true, "0561000000", null, new PostalAddress("1 rue", "31000", "Toulouse", "76", "31"),
                null, null, true, true, at);
    }

    private static IdentityEvidence identity(Instant at) {
        return new IdentityEvidence("DURAND", "Jean", "10", List.of(), "RPPS", "99800000012", "PER", null,
                "IMPORTED_DIRECTORY", List.of(), at, null);
    }
}
