package fr.esante.medimail.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.esante.medimail.events.AccountClosed;
import fr.esante.medimail.events.AccountReopened;
import fr.esante.medimail.schemas.Topics;
import tools.jackson.databind.JsonNode;

/** Closing and reopening accounts (ADMIN), and the audit trail of every staff action, which nobody can rewrite. */
class StaffActionsIT extends BackofficeIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminClosesAndReopensAValidatedAccountAndBothAreAnnouncedAndAudited() {
        Applicants.Applicant applicant = Applicants.durand();
        String reviewId = approved(applicant);
        String closure = "/api/v1/accounts/" + applicant.accountId() + "/closure";

        Response closed = post(closure, reason("Cessation d'activité signalée par l'Ordre."), admin());

        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        AccountClosed event = awaitEvents(Topics.ACCOUNT_CLOSED, applicant.accountId()).get(0);
        assertThat(event.getMssAddress()).isEqualTo(applicant.address().getAddress());
        assertThat(event.getReason()).isEqualTo("Cessation d'activité signalée par l'Ordre.");
        assertThat(event.getClosedBy()).isEqualTo(ADMIN);

        Response again = post(closure, reason("Encore."), admin());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("ACCOUNT_ALREADY_CLOSED");
        assertThat(again.json().get("detail").asString()).contains("déjà été clôturé par " + ADMIN);

        Response reopened = post("/api/v1/accounts/" + applicant.accountId() + "/reopening", null, admin());
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(reopened.json().get("status").asString()).isEqualTo("VALIDATED");
        AccountReopened reopening = awaitEvents(Topics.ACCOUNT_REOPENED, applicant.accountId()).get(0);
        assertThat(reopening.getReopenedBy()).isEqualTo(ADMIN);
        Response reopenAgain = post("/api/v1/accounts/" + applicant.accountId() + "/reopening", null, admin());
        assertThat(reopenAgain.status()).isEqualTo(409);
        assertThat(reopenAgain.json().get("code").asString()).isEqualTo("ACCOUNT_NOT_CLOSED");

        List<JsonNode> trail = audit(applicant.accountId().toString());
        assertThat(trail).as("the account's history, its review's decision included")
                .extracting(r -> r.get("action").asString()).containsExactly("ACCOUNT_REOPENED", "ACCOUNT_CLOSED", "REVIEW_APPROVED");
        JsonNode closing = trail.get(1);
        assertThat(closing.get("staff").asString()).isEqualTo(ADMIN);
        assertThat(closing.get("subjectType").asString()).isEqualTo("ACCOUNT");
        assertThat(closing.get("before").get("status").asString()).isEqualTo("VALIDATED");
        assertThat(closing.get("after").get("status").asString()).isEqualTo("CLOSED");
        assertThat(closing.get("after").get("reason").asString()).isEqualTo("Cessation d'activité signalée par l'Ordre.");
        assertThat(closing.get("occurredAt").asString()).isNotBlank();
        JsonNode approval = audit(reviewId).get(0);
        assertThat(approval.get("action").asString()).isEqualTo("REVIEW_APPROVED");
        assertThat(approval.get("staff").asString()).isEqualTo(REVIEWER);
        assertThat(approval.get("before").get("status").asString()).isEqualTo("PENDING");
        assertThat(approval.get("after").get("accountId").asString()).isEqualTo(applicant.accountId().toString());
    }

    @Test
    void onlyAnAdminClosesAndAReviewerStillReadsTheTrail() {
        Applicants.Applicant applicant = Applicants.durand();
        approved(applicant);
        String closure = "/api/v1/accounts/" + applicant.accountId() + "/closure";

        Response byReviewer = post(closure, reason("Motif."), reviewer());
        Response byObserver = post(closure, reason("Motif."), basic(OBSERVER, OBSERVER_PASSWORD));
        Response anonymous = post(closure, reason("Motif."), Map.of());

        assertThat(byReviewer.status()).isEqualTo(403);
        assertThat(byReviewer.contentType()).startsWith("application/problem+json");
        assertThat(byReviewer.json().get("detail").asString()).contains("ADMIN pour clôturer");
        assertThat(byObserver.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(get("/api/v1/audit-records?subjectId=" + applicant.accountId(), reviewer()).status()).isEqualTo(200);
        assertThat(get("/api/v1/audit-records", basic(OBSERVER, OBSERVER_PASSWORD)).status()).isEqualTo(403);
        assertThat(audit(applicant.accountId().toString())).as("nothing but the approval")
                .extracting(r -> r.get("action").asString()).containsExactly("REVIEW_APPROVED");
        // An ADMIN may do everything a REVIEWER may.
        Applicants.Applicant other = Applicants.durand();
        String id = queued(other).get("id").asString();
        assertThat(post("/api/v1/reviews/" + id + "/approval", null, admin()).status()).isEqualTo(200);
    }

    @Test
    void badClosuresAreFrenchProblemsAndChangeNothing() {
        Applicants.Applicant pending = Applicants.durand();
        queued(pending);
        Applicants.Applicant validated = Applicants.durand();
        approved(validated);

        Response notValidated = post("/api/v1/accounts/" + pending.accountId() + "/closure", reason("Motif."), admin());
        assertThat(notValidated.status()).isEqualTo(409);
        assertThat(notValidated.json().get("code").asString()).isEqualTo("ACCOUNT_NOT_VALIDATED");
        for (String id : List.of(UUID.randomUUID().toString(), "pas-un-identifiant")) {
            Response unknown = post("/api/v1/accounts/" + id + "/closure", reason("Motif."), admin());
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
            assertThat(unknown.json().get("code").asString()).isEqualTo("ACCOUNT_NOT_FOUND");
        }
        String closure = "/api/v1/accounts/" + validated.accountId() + "/closure";
        Response blank = post(closure, reason("  "), admin());
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").get(0).get("code").asString()).isEqualTo("REQUIRED");
        assertThat(blank.json().get("errors").get(0).get("message").asString()).contains("motif");
        assertThat(post(closure, reason("x".repeat(1001)), admin()).status()).isEqualTo(400);

        assertThat(count("SELECT count(*) FROM account_closure WHERE account_id IN (:ids)",
                List.of(pending.accountId(), validated.accountId()))).isZero();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE topic = :topic AND record_key IN (:ids)",
                List.of(pending.accountId().toString(), validated.accountId().toString()))).isZero();
        assertThat(audit(validated.accountId().toString())).extracting(r -> r.get("action").asString())
                .containsExactly("REVIEW_APPROVED");
    }

    @Test
    void theAuditTrailCannotBeChangedNorEmptied() {
        Applicants.Applicant applicant = Applicants.durand();
        String reviewId = approved(applicant);
        assertThat(audit(reviewId)).hasSize(1);

        assertThatThrownBy(() -> jdbc.sql("UPDATE staff_audit_record SET staff = 'quelqu''un' WHERE subject_id = :id")
                .param("id", reviewId).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM staff_audit_record WHERE subject_id = :id")
                .param("id", reviewId).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE staff_audit_record").update()).hasMessageContaining("append-only");

        assertThat(audit(reviewId).get(0).get("staff").asString()).isEqualTo(REVIEWER);
        assertThat(get("/api/v1/audit-records?limit=0", reviewer()).status()).isEqualTo(400);
    }

    private long count(String sql, List<?> ids) {
        var statement = jdbc.sql(sql).param("ids", ids);
        if (sql.contains(":topic")) {
            statement = statement.param("topic", Topics.ACCOUNT_CLOSED.name());
        }
        return statement.query(Long.class).single();
    }

    private static String reason(String reason) {
        return JSON.writeValueAsString(Map.of("reason", reason));
    }
}
