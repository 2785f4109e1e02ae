package fr.esante.medimail.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.esante.medimail.events.ContactCorrectionRequested;
import fr.esante.medimail.schemas.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Staff (ADMIN) correct a validated account's contact details: the correction goes to registration-service, which owns
 * them, and is audited with the state before and after; bad input is a French problem that writes nothing.
 */
class ContactCorrectionIT extends BackofficeIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminCorrectsPhoneAndAddressWhichRegistrationIsAskedToApplyAndTheAuditKeepsBeforeAndAfter() {
        Applicants.Applicant applicant = Applicants.durand();
        approved(applicant);

        Response corrected = post(correction(applicant), json(Map.of("phone", "+33 5 62 11 22 33", "secondPhone", "",
                "address", Map.of("line", "2 place du Capitole", "postalCode", "31000", "city", "Toulouse",
                        "region", "76", "department", "31"))), admin());

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(202);
        assertThat(corrected.json().get("status").asString()).isEqualTo("CORRECTION_REQUESTED");
        ContactCorrectionRequested event = awaitEvents(Topics.CONTACT_CORRECTION_REQUESTED, applicant.accountId()).get(0);
        assertThat(event.getPhone()).as("as typed: registration-service, owner of the rule, normalises it")
                .isEqualTo("+33 5 62 11 22 33");
        assertThat(event.getSecondPhone()).isNull();
        assertThat(event.getRemoveSecondPhone()).isTrue();
        assertThat(event.getAddressLine()).isEqualTo("2 place du Capitole");
        assertThat(event.getPostalCode()).isEqualTo("31000");
        assertThat(event.getCorrectedBy()).isEqualTo(ADMIN);

        JsonNode record = audit(applicant.accountId()).get(0);
        assertThat(record.get("action").asString()).isEqualTo("CONTACT_CORRECTED");
        assertThat(record.get("staff").asString()).isEqualTo(ADMIN);
        assertThat(record.get("before").get("phone").asString()).isEqualTo("0561000000");
        assertThat(record.get("before").get("address").asString()).startsWith("10 rue des Trente-six Ponts, 31400 Toulouse");
        assertThat(record.get("after").get("phone").asString()).isEqualTo("+33 5 62 11 22 33");
        assertThat(record.get("after").get("address").asString()).startsWith("2 place du Capitole, 31000 Toulouse");
    }

    @Test
    void badCorrectionsAreFrenchProblemsAndWriteNothing() {
        Applicants.Applicant pending = Applicants.durand();
        queued(pending);
        Applicants.Applicant validated = Applicants.durand();
        approved(validated);

        Response hugePhone = post(correction(validated), json(Map.of("phone", "0".repeat(41))), admin());
        assertThat(hugePhone.status()).as("more than the audit trail keeps of a phone").isEqualTo(400);
        assertThat(hugePhone.contentType()).startsWith("application/problem+json");
        JsonNode error = hugePhone.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("phone");
        assertThat(error.get("message").asString()).contains("trop long");

        Response partialAddress = post(correction(validated), json(Map.of("address", Map.of("line", "2 place du Capitole"))), admin());
        assertThat(partialAddress.status()).isEqualTo(400);
        assertThat(partialAddress.json().get("errors")).extracting(e -> e.get("field").asString())
                .contains("address.postalCode", "address.city", "address.region");

        Response same = post(correction(validated), json(Map.of("phone", "0561000000")), admin());
        assertThat(same.status()).isEqualTo(422);
        assertThat(same.json().get("code").asString()).isEqualTo("NOTHING_TO_CORRECT");
        Response empty = post(correction(validated), "{}", admin());
        assertThat(empty.status()).isEqualTo(422);

        Response notValidated = post(correction(pending), json(Map.of("phone", "0562112233")), admin());
        assertThat(notValidated.status()).isEqualTo(409);
        assertThat(notValidated.json().get("code").asString()).isEqualTo("ACCOUNT_NOT_VALIDATED");
        Response unknown = post("/api/v1/accounts/" + UUID.randomUUID() + "/contact-correction",
                json(Map.of("phone", "0562112233")), admin());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("ACCOUNT_NOT_FOUND");
        Response byReviewer = post(correction(validated), json(Map.of("phone", "0562112233")), reviewer());
        assertThat(byReviewer.status()).isEqualTo(403);

        assertThat(post("/api/v1/accounts/" + validated.accountId() + "/closure",
                json(Map.of("reason", "Départ à la retraite.")), admin()).status()).isEqualTo(200);
        Response closed = post(correction(validated), json(Map.of("phone", "0562112233")), admin());
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("code").asString()).isEqualTo("ACCOUNT_CLOSED");
        assertThat(closed.json().get("detail").asString()).contains("rouvrez-le");

        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = :topic AND record_key IN (:ids)")
                .param("topic", Topics.CONTACT_CORRECTION_REQUESTED.name())
                .param("ids", List.of(pending.accountId().toString(), validated.accountId().toString()))
                .query(Long.class).single()).isZero();
        assertThat(audit(validated.accountId())).extracting(r -> r.get("action").asString())
                .doesNotContain("CONTACT_CORRECTED");
    }

    private String correction(Applicants.Applicant applicant) {
        return "/api/v1/accounts/" + applicant.accountId() + "/contact-correction";
    }

    private void approved(Applicants.Applicant applicant) {
        String id = queued(applicant).get("id").asString();
        assertThat(post("/api/v1/reviews/" + id + "/approval", null, reviewer()).status()).isEqualTo(200);
    }

    private List<JsonNode> audit(UUID accountId) {
        Response response = get("/api/v1/audit-records?subjectId=" + accountId, reviewer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> records = new ArrayList<>();
        response.json().forEach(records::add);
        return records;
    }

    private static String json(Map<String, Object> body) {
        return JSON.writeValueAsString(new LinkedHashMap<>(body));
    }
}
