package fr.esante.medimail.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.esante.medimail.events.AccountRejected;
import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.schemas.Topics;
import tools.jackson.databind.JsonNode;

/** Approval and rejection: the public events they publish, and one decision per review, even under contention. */
class ReviewDecisionIT extends BackofficeIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void approvalPublishesAccountValidatedWithEveryFieldOfTheContract() {
        Applicants.Applicant applicant = Applicants.durand();
        String id = queued(applicant).get("id").asString();
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        Response approval = post("/api/v1/reviews/" + id + "/approval", "{}", reviewer());

        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
        assertThat(approval.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approval.json().get("decidedBy").asString()).isEqualTo(REVIEWER);
        List<AccountValidated> events = awaitEvents(Topics.ACCOUNT_VALIDATED, applicant.accountId());
        assertThat(events).hasSize(1);
        AccountValidated event = events.get(0);
        assertThat(event.getEventId()).isNotNull();
        assertThat(event.getAccountId()).isEqualTo(applicant.accountId());
        assertThat(event.getMssAddress()).isEqualTo(applicant.address().getAddress());
        assertThat(event.getMailboxType()).isEqualTo("PER");
        assertThat(event.getLastName()).isEqualTo("DURAND");
        assertThat(event.getFirstName()).isEqualTo("Jean");
        assertThat(event.getEmail()).isEqualTo(applicant.profile().getEmail());
        assertThat(event.getProfession()).isEqualTo("10");
        assertThat(event.getSpecialty()).isEqualTo("SM54");
        assertThat(event.getIdentifierType()).isEqualTo("RPPS");
        assertThat(event.getIdentifier()).isEqualTo("99800000012");
        assertThat(event.getStructureIdentifier()).isNull();
        assertThat(event.getLiberal()).isTrue();
        assertThat(event.getRegion()).isEqualTo("76");
        assertThat(event.getDepartment()).isEqualTo("31");
        assertThat(event.getDirectoryVisible()).isTrue();
        assertThat(event.getPaperless()).isTrue();
        assertThat(event.getValidatedAt()).isBetween(before, Instant.now());
        assertThat(event.getOccurredAt()).isEqualTo(event.getValidatedAt());
        assertThat(event.getValidatedBy()).isEqualTo(REVIEWER);

        assertThat(reviewOf(applicant.accountId(), "PENDING")).isNull();
        JsonNode approved = reviewOf(applicant.accountId(), "APPROVED");
        assertThat(approved.get("decidedAt").asString()).isEqualTo(event.getValidatedAt().toString());
    }

    @Test
    void aStructureAttachedApplicantOutOfTheDirectoryIsPublishedAsSuch() {
        Applicants.Applicant applicant = Applicants.leGallInTraining();
        JsonNode review = queued(applicant);
        assertThat(review.get("mailboxType").asString()).isEqualTo("INT");
        assertThat(review.get("identifierType").asString()).isEqualTo("FINESS");

        assertThat(post("/api/v1/reviews/" + review.get("id").asString() + "/approval", null, reviewer()).status())
                .isEqualTo(200);

        AccountValidated event = awaitEvents(Topics.ACCOUNT_VALIDATED, applicant.accountId()).get(0);
        assertThat(event.getDirectoryVisible()).as("a publisher must not list this entry").isFalse();
        assertThat(event.getPaperless()).isFalse();
        assertThat(event.getMailboxType()).isEqualTo("INT");
        assertThat(event.getStructureIdentifier()).isEqualTo("310000013");
        assertThat(event.getIdentifierType()).isEqualTo("FINESS");
        assertThat(event.getIdentifier()).isEqualTo("310000013");
        assertThat(event.getProfession()).isEqualTo("60");
        assertThat(event.getSpecialty()).isNull();
        assertThat(event.getLiberal()).isFalse();
        assertThat(event.getDepartment()).isNull();
        assertThat(event.getLastName()).isEqualTo("LE GALL");
    }

    @Test
    void aReviewWithoutIdentityEvidenceCannotBeApprovedUntilTheEvidenceArrives() {
        Applicants.Applicant applicant = Applicants.leGallInTraining().declaring("1310000013");
        applicant.sendProfile(this::send);
        applicant.sendAddress(this::send);
        queued(Applicants.durand()); // handled after the records above, topic by topic
        // A review opened without the evidence (as this service once did when the address came first).
        UUID reviewId = UUID.randomUUID();
        jdbc.sql("INSERT INTO review (id, account_id, submitted_at, status) VALUES (:id, :accountId, :submittedAt, 'PENDING')")
                .param("id", reviewId).param("accountId", applicant.accountId())
                .param("submittedAt", applicant.submittedAt().atOffset(java.time.ZoneOffset.UTC)).update();
        String path = "/api/v1/reviews/" + reviewId + "/approval";

        Response refused = post(path, "{}", reviewer());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("IDENTITY_NOT_VERIFIED");
        assertThat(refused.json().get("detail").asString()).contains("vérification de l'identité");
        assertThat(reviewOf(applicant.accountId(), "PENDING")).as("still pending").isNotNull();
        assertThat(outboxCount(Topics.ACCOUNT_VALIDATED.name(), applicant.accountId())).isZero();

        applicant.sendIdentity(this::send);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc
                .sql("SELECT identity_verified_at IS NOT NULL FROM applicant WHERE account_id = :id")
                .param("id", applicant.accountId()).query(Boolean.class).single());

        Response approval = post(path, "{}", reviewer());
        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
        AccountValidated event = awaitEvents(Topics.ACCOUNT_VALIDATED, applicant.accountId()).get(0);
        assertThat(event.getIdentifier()).isEqualTo("310000013");
        assertThat(event.getStructureIdentifier()).isEqualTo("310000013");
        assertThat(reviewCount(applicant.accountId())).as("the pending review covered it").isEqualTo(1);
    }

    @Test
    void decidingTwiceIsA409ProblemAndPublishesNothingMore() {
        Applicants.Applicant applicant = Applicants.durand();
        String id = queued(applicant).get("id").asString();
        assertThat(post("/api/v1/reviews/" + id + "/approval", "{}", reviewer()).status()).isEqualTo(200);

        Response again = post("/api/v1/reviews/" + id + "/approval", "{}", reviewer());
        Response rejection = post("/api/v1/reviews/" + id + "/rejection", rejection("Trop tard."), reviewer());

        for (Response conflict : List.of(again, rejection)) {
            assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
            assertThat(conflict.contentType()).startsWith("application/problem+json");
            assertThat(conflict.json().get("code").asString()).isEqualTo("REVIEW_ALREADY_DECIDED");
            assertThat(conflict.json().get("detail").asString()).contains("validée").contains(REVIEWER);
        }
        assertThat(awaitEvents(Topics.ACCOUNT_VALIDATED, applicant.accountId())).hasSize(1);
        assertThat(outboxCount(Topics.ACCOUNT_REJECTED.name(), applicant.accountId())).isZero();
    }

    @Test
    void rejectionPublishesAccountRejectedWithTheReasonForTheApplicant() {
        Applicants.Applicant applicant = Applicants.durand();
        String id = queued(applicant).get("id").asString();
        String reason = "Le numéro RPPS indiqué ne correspond pas à votre nom : vérifiez votre carte CPS.";

        Response rejected = post("/api/v1/reviews/" + id + "/rejection", rejection("  " + reason + "\n"), reviewer());

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("rejectionReason").asString()).isEqualTo(reason);
        AccountRejected event = awaitEvents(Topics.ACCOUNT_REJECTED, applicant.accountId()).get(0);
        assertThat(event.getAccountId()).isEqualTo(applicant.accountId());
        assertThat(event.getEmail()).isEqualTo(applicant.profile().getEmail());
        assertThat(event.getFirstName()).isEqualTo("Jean");
        assertThat(event.getReason()).isEqualTo(reason);
        assertThat(event.getRejectedBy()).isEqualTo(REVIEWER);

        Response approval = post("/api/v1/reviews/" + id + "/approval", "{}", reviewer());
        assertThat(approval.status()).isEqualTo(409);
        assertThat(approval.json().get("detail").asString()).contains("refusée");
        assertThat(outboxCount(Topics.ACCOUNT_VALIDATED.name(), applicant.accountId())).isZero();
    }

    @Test
    void aRejectionNeedsAReasonOfAtMost1000Characters() {
        Applicants.Applicant applicant = Applicants.durand();
        String id = queued(applicant).get("id").asString();
        String path = "/api/v1/reviews/" + id + "/rejection";

        assertInvalidReason(post(path, "{}", reviewer()), "REQUIRED");
        assertInvalidReason(post(path, rejection("   "), reviewer()), "REQUIRED");
        assertInvalidReason(post(path, rejection("x".repeat(1001)), reviewer()), "TOO_LONG");
        assertThat(post(path, "pas du json", reviewer()).status()).isEqualTo(400);

        assertThat(reviewOf(applicant.accountId(), "PENDING")).as("still pending").isNotNull();
        assertThat(post(path, rejection("é".repeat(1000)), reviewer()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownReviewIsA404Problem() {
        for (String id : List.of(UUID.randomUUID().toString(), "pas-un-identifiant")) {
            Response approval = post("/api/v1/reviews/" + id + "/approval", "{}", reviewer());
            Response rejection = post("/api/v1/reviews/" + id + "/rejection", rejection("Motif."), reviewer());
            for (Response response : List.of(approval, rejection)) {
                assertThat(response.status()).as(response.body()).isEqualTo(404);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.json().get("code").asString()).isEqualTo("REVIEW_NOT_FOUND");
            }
        }
    }

    @Test
    void ofConcurrentApprovalsExactlyOneWinsAndExactlyOneEventLeaves() throws Exception {
        Applicants.Applicant applicant = Applicants.durand();
        String path = "/api/v1/reviews/" + queued(applicant).get("id").asString() + "/approval";
        int reviewers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(reviewers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < reviewers; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return post(path, "{}", reviewer()).status();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get(60, TimeUnit.SECONDS));
            }
            assertThat(codes).containsOnlyOnce(200).filteredOn(code -> code != 200).containsOnly(409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(outboxCount(Topics.ACCOUNT_VALIDATED.name(), applicant.accountId())).isEqualTo(1);
        assertThat(awaitEvents(Topics.ACCOUNT_VALIDATED, applicant.accountId())).hasSize(1);
    }

    private int outboxCount(String topic, UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = :topic AND record_key = :key")
                .param("topic", topic).param("key", accountId.toString()).query(Integer.class).single();
    }

    private int reviewCount(UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM review WHERE account_id = :id").param("id", accountId)
                .query(Integer.class).single();
    }

    private static void assertInvalidReason(Response response, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("reason");
        assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(error.get("message").asString()).isNotBlank();
    }
}
