package fr.esante.medimail.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.IdentityRejected;
import fr.esante.medimail.events.IdentityReviewConcluded;
import fr.esante.medimail.events.IdentityReviewRequested;
import fr.esante.medimail.events.IdentityVerified;
import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.schemas.Topics;

/** A reviewer's conclusion of a manual identity review, and the identity outcome the service then announces. */
class IdentityReviewConclusionsIT extends IdentityServiceContext {

    @Test
    void a_confirmed_review_publishes_identity_verified_from_the_stored_decision_once() {
        ProfessionalProfileSubmitted event = profile("NATIONAL_ID", "RPPS", "99800000012", "Durant", "Jean", "10");
        submit(event);
        IdentityReviewRequested requested = awaitReviewRequested(event.getAccountId());

        IdentityReviewConcluded confirmed = concluded(requested, true, null);
        conclude(confirmed);
        // Redelivered, then a contradicting late conclusion: neither changes anything.
        conclude(confirmed);
        conclude(concluded(requested, false, "Trop tard."));

        IdentityVerified verified = awaitVerified(event.getAccountId());
        assertThat(verified.getSource()).isEqualTo("MANUAL_REVIEW");
        assertThat(verified.getMailboxType()).isEqualTo("PER");
        assertThat(verified.getLastName()).isEqualTo("Durant");
        assertThat(verified.getFirstName()).isEqualTo("Jean");
        assertThat(verified.getIdentifierType()).isEqualTo("RPPS");
        assertThat(verified.getIdentifier()).isEqualTo("99800000012");
        assertThat(verified.getProfession()).isEqualTo("10");
        assertThat(verified.getSpecialties()).containsExactly("SM54");
        assertThat(verified.getActivities()).singleElement()
                .satisfies(activity -> assertThat(activity.getStructureName()).isEqualTo("CABINET MEDICAL DU DOCTEUR DURAND"));
        Map<String, Object> review = await().atMost(Duration.ofSeconds(30)).until(() -> review(requested.getDecisionId()),
                r -> !"PENDING".equals(r.get("status")));
        assertThat(review.get("status")).isEqualTo("CONFIRMED");
        assertThat(review.get("concluded_by")).isEqualTo("agent");
        assertThat(review.get("published_event_type")).isEqualTo("IdentityVerified");
        assertThat(review.get("conclusion_event_id")).isEqualTo(confirmed.getEventId());

        awaitMarker();
        assertThat(outboxCount(Topics.IDENTITY_VERIFIED.name(), event.getAccountId())).isEqualTo(1);
        assertThat(outboxCount(Topics.IDENTITY_REJECTED.name(), event.getAccountId())).isZero();
    }

    @Test
    void a_refused_review_publishes_identity_rejected_with_the_reviewers_text() {
        ProfessionalProfileSubmitted event = profile("NATIONAL_ID", "RPPS", "99800000012", "Jean", "Durand", "10");
        submit(event);
        IdentityReviewRequested requested = awaitReviewRequested(event.getAccountId());
        String reason = "Votre carte CPS ne correspond pas au nom déclaré : corrigez votre nom.";

        conclude(concluded(requested, false, reason));

        IdentityRejected rejected = awaitRejected(event.getAccountId());
        assertThat(rejected.getReason()).isEqualTo("REJECTED_BY_REVIEWER");
        assertThat(rejected.getDetail()).isEqualTo(reason);
        Map<String, Object> review = await().atMost(Duration.ofSeconds(30)).until(() -> review(requested.getDecisionId()),
                r -> !"PENDING".equals(r.get("status")));
        assertThat(review.get("status")).isEqualTo("REFUSED");
        assertThat(review.get("refusal_reason")).isEqualTo(reason);
        assertThat(review.get("published_event_type")).isEqualTo("IdentityRejected");
        assertThat(outboxCount(Topics.IDENTITY_VERIFIED.name(), event.getAccountId())).isZero();
    }

    @Test
    void a_refusal_without_text_publishes_an_empty_detail_and_keeps_the_reviewer_in_the_audit_only() {
        ProfessionalProfileSubmitted event = profile("NATIONAL_ID", "RPPS", "99800000012", "Durant", "Jean", "10");
        submit(event);
        IdentityReviewRequested requested = awaitReviewRequested(event.getAccountId());

        conclude(IdentityReviewConcluded.newBuilder(concluded(requested, false, null)).setReviewedBy("marie.reviewer").build());

        IdentityRejected rejected = awaitRejected(event.getAccountId());
        assertThat(rejected.getReason()).isEqualTo("REJECTED_BY_REVIEWER");
        assertThat(rejected.getDetail()).as("registration-service shows it to the applicant").isEmpty();
        Map<String, Object> review = await().atMost(Duration.ofSeconds(30)).until(() -> review(requested.getDecisionId()),
                r -> !"PENDING".equals(r.get("status")));
        assertThat(review.get("status")).isEqualTo("REFUSED");
        assertThat(review.get("concluded_by")).isEqualTo("marie.reviewer");
        assertThat(review.get("refusal_reason")).isNull();
    }

    @Test
    void a_conclusion_for_an_unknown_decision_or_another_account_changes_nothing() {
        ProfessionalProfileSubmitted event = profile("NATIONAL_ID", "RPPS", "99800000012", "Durant", "Jean", "10");
        submit(event);
        IdentityReviewRequested requested = awaitReviewRequested(event.getAccountId());
        UUID stranger = UUID.randomUUID();

        conclude(IdentityReviewConcluded.newBuilder(concluded(requested, true, null)).setAccountId(stranger).build());
        conclude(IdentityReviewConcluded.newBuilder(concluded(requested, true, null)).setDecisionId(UUID.randomUUID()).build());

        awaitMarker();
        assertThat(review(requested.getDecisionId()).get("status")).isEqualTo("PENDING");
        assertThat(outboxCount(Topics.IDENTITY_VERIFIED.name(), event.getAccountId())).isZero();
        assertThat(outboxCount(Topics.IDENTITY_VERIFIED.name(), stranger)).isZero();
    }
}
