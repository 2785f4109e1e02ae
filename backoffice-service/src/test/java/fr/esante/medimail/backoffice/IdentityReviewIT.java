package fr.esante.medimail.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.esante.medimail.events.IdentityReviewConcluded;
import fr.esante.medimail.events.IdentityReviewRequested;
import fr.esante.medimail.schemas.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Identity reviews: IdentityReviewRequested in, an item of kind IDENTITY in the staff queue with its evidence,
 * a reviewer's conclusion out as IdentityReviewConcluded; who may call what, and one conclusion per review.
 */
class IdentityReviewIT extends BackofficeIntegrationTest {

    private static final String SOME_REVIEW = "/api/v1/identity-reviews/" + UUID.randomUUID();

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyIdentityReviewsCallWithoutAStaffIdentityIsA401AndWithoutTheRoleA403() {
        for (Response response : List.of(get("/api/v1/identity-reviews?status=PENDING", Map.of()),
                get(SOME_REVIEW, Map.of()), post(SOME_REVIEW + "/confirmation", "{}", Map.of()),
                post(SOME_REVIEW + "/refusal", rejection("Motif"), Map.of()),
                get("/api/v1/identity-reviews", basic(REVIEWER, "pas-le-bon")))) {
            assertThat(response.status()).as(response.body()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
        }

        Applicants.Applicant applicant = Applicants.durand();
        String id = awaitIdentityReview(requested(applicant)).get("id").asString();
        Map<String, String> observer = basic(OBSERVER, OBSERVER_PASSWORD);
        for (Response response : List.of(get("/api/v1/identity-reviews?status=PENDING", observer),
                post("/api/v1/identity-reviews/" + id + "/confirmation", "{}", observer),
                post("/api/v1/identity-reviews/" + id + "/refusal", rejection("Non."), observer))) {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
            assertThat(response.json().get("code").asString()).isEqualTo("FORBIDDEN");
        }
        assertThat(identityReviewOf(applicant.accountId(), "PENDING")).as("still pending").isNotNull();
    }

    @Test
    void aRequestBecomesAnIdentityItemWithItsEvidenceAndAConfirmationGoesBackAsIdentityReviewConcluded() {
        Applicants.Applicant applicant = Applicants.durand();
        applicant.sendProfile(this::send);
        IdentityReviewRequested event = Applicants.nearMiss(applicant);
        send(Topics.IDENTITY_REVIEW_REQUESTED, applicant.accountId(), event);
        // Redelivered by the producer (a new event id, the same decision): still one review.
        send(Topics.IDENTITY_REVIEW_REQUESTED, applicant.accountId(),
                IdentityReviewRequested.newBuilder(event).setEventId(UUID.randomUUID()).build());

        JsonNode item = awaitIdentityReview(applicant.accountId());
        assertThat(item.get("kind").asString()).isEqualTo("IDENTITY");
        assertThat(item.get("decisionId").asString()).isEqualTo(event.getDecisionId().toString());
        assertThat(item.get("reason").asString()).isEqualTo("NAME_MISMATCH");
        assertThat(item.get("declaredLastName").asString()).isEqualTo("Durant");
        assertThat(item.get("directoryLastName").asString()).isEqualTo("DURAND");
        assertThat(item.get("identifierType").asString()).isEqualTo("RPPS");
        assertThat(item.get("identifier").asString()).isEqualTo("99800000012");
        assertThat(item.get("profession").asString()).isEqualTo("10");
        assertThat(item.get("source").asString()).isEqualTo("IMPORTED_DIRECTORY");
        assertThat(item.get("directoryImportId").asLong()).isEqualTo(3L);
        assertThat(item.get("evidence").asString()).contains("NEAR_MISS");
        assertThat(item.get("status").asString()).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(30)).until(() -> !identityReviewOf(applicant.accountId(), "PENDING").get("email").isNull());
        assertThat(identityReviewOf(applicant.accountId(), "PENDING").get("email").asString()).isEqualTo(applicant.profile().getEmail());
        assertThat(identityReviews("PENDING", applicant.accountId())).hasSize(1);
        assertThat(reviewOf(applicant.accountId(), "PENDING")).as("not an account review").isNull();
        String id = item.get("id").asString();
        assertThat(get("/api/v1/identity-reviews/" + id, reviewer()).json().get("decisionId").asString())
                .isEqualTo(event.getDecisionId().toString());

        Response confirmation = post("/api/v1/identity-reviews/" + id + "/confirmation", null, reviewer());

        assertThat(confirmation.status()).as(confirmation.body()).isEqualTo(200);
        assertThat(confirmation.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmation.json().get("decidedBy").asString()).isEqualTo(REVIEWER);
        List<IdentityReviewConcluded> concluded = awaitEvents(Topics.IDENTITY_REVIEW_CONCLUDED, applicant.accountId());
        assertThat(concluded).singleElement().satisfies(e -> {
            assertThat(e.getDecisionId()).isEqualTo(event.getDecisionId());
            assertThat(e.getConfirmed()).isTrue();
            assertThat(e.getReason()).isNull();
            assertThat(e.getReviewedBy()).isEqualTo(REVIEWER);
            assertThat(e.getOccurredAt().toString()).isEqualTo(confirmation.json().get("decidedAt").asString());
        });
        assertThat(identityReviewOf(applicant.accountId(), "PENDING")).isNull();
        assertThat(identityReviewOf(applicant.accountId(), "CONFIRMED")).isNotNull();

        for (Response conflict : List.of(post("/api/v1/identity-reviews/" + id + "/confirmation", "{}", reviewer()),
                post("/api/v1/identity-reviews/" + id + "/refusal", rejection("Trop tard."), reviewer()))) {
            assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
            assertThat(conflict.contentType()).startsWith("application/problem+json");
            assertThat(conflict.json().get("code").asString()).isEqualTo("REVIEW_ALREADY_DECIDED");
            assertThat(conflict.json().get("detail").asString()).contains("confirmée").contains(REVIEWER);
        }
        assertThat(outboxCount(applicant.accountId())).isEqualTo(1);
    }

    @Test
    void aRefusalNeedsAReasonAndCarriesItToTheEvent() {
        Applicants.Applicant applicant = Applicants.durand();
        String id = awaitIdentityReview(requested(applicant)).get("id").asString();
        String path = "/api/v1/identity-reviews/" + id + "/refusal";

        for (Response invalid : List.of(post(path, "{}", reviewer()), post(path, rejection("  "), reviewer()),
                post(path, rejection("x".repeat(1001)), reviewer()))) {
            assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
            assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        }
        assertThat(identityReviewOf(applicant.accountId(), "PENDING")).as("still pending").isNotNull();
        String reason = "Le nom saisi ne correspond pas à votre carte CPS : corrigez-le puis soumettez à nouveau votre profil.";

        Response refused = post(path, rejection(" " + reason + "\n"), reviewer());

        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.json().get("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.json().get("refusalReason").asString()).isEqualTo(reason);
        IdentityReviewConcluded event = awaitEvents(Topics.IDENTITY_REVIEW_CONCLUDED, applicant.accountId()).get(0);
        assertThat(event.getConfirmed()).isFalse();
        assertThat(event.getReason()).isEqualTo(reason);
        assertThat(post("/api/v1/identity-reviews/" + id + "/confirmation", "{}", reviewer()).status()).isEqualTo(409);
    }

    @Test
    void anUnknownIdentityReviewIsA404AndAnUnknownStatusA400() {
        for (String id : List.of(UUID.randomUUID().toString(), "pas-un-identifiant")) {
            Response response = post("/api/v1/identity-reviews/" + id + "/confirmation", "{}", reviewer());
            assertThat(response.status()).as(response.body()).isEqualTo(404);
            assertThat(response.json().get("code").asString()).isEqualTo("REVIEW_NOT_FOUND");
        }
        Response status = get("/api/v1/identity-reviews?status=APPROVED", reviewer());
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get("errors").get(0).get("code").asString()).isEqualTo("INVALID_VALUE");
    }

    @Test
    void accountReviewsSayTheyAreOfKindAccount() {
        JsonNode review = queued(Applicants.durand());
        assertThat(review.get("kind").asString()).isEqualTo("ACCOUNT");
    }

    // ---- helpers

    private UUID requested(Applicants.Applicant applicant) {
        send(Topics.IDENTITY_REVIEW_REQUESTED, applicant.accountId(), Applicants.nearMiss(applicant));
        return applicant.accountId();
    }

    private JsonNode awaitIdentityReview(UUID accountId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> identityReviewOf(accountId, "PENDING"), r -> r != null);
    }

    private JsonNode identityReviewOf(UUID accountId, String status) {
        List<JsonNode> found = identityReviews(status, accountId);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<JsonNode> identityReviews(String status, UUID accountId) {
        Response response = get("/api/v1/identity-reviews?status=" + status, reviewer());
        if (response.status() != 200) {
            throw new AssertionError("GET identity reviews: " + response.status() + " " + response.body());
        }
        List<JsonNode> found = new java.util.ArrayList<>();
        response.json().forEach(r -> {
            if (accountId.toString().equals(r.get("registrationId").asString())) {
                found.add(r);
            }
        });
        return found;
    }

    private int outboxCount(UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = :topic AND record_key = :key")
                .param("topic", Topics.IDENTITY_REVIEW_CONCLUDED.name()).param("key", accountId.toString())
                .query(Integer.class).single();
    }
}
