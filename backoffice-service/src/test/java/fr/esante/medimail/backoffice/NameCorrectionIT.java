package fr.esante.medimail.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.events.IdentityVerified;
import fr.esante.medimail.events.NameCorrectionRequested;
import fr.esante.medimail.events.NamesCorrected;
import fr.esante.medimail.events.StaffCorrectionRefused;
import fr.esante.medimail.schemas.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Staff (ADMIN) correct a validated account's names: the correction goes to registration-service, which owns them, and
 * is audited; once registration-service has applied it and the identity was checked again, the account is back in the
 * review queue, while the directory keeps the names last validated until a reviewer approves the new ones.
 */
class NameCorrectionIT extends BackofficeIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminCorrectsTheNamesWhichRegistrationIsAskedToApplyAndTheAuditKeepsBeforeAndAfter() {
        Applicants.Applicant applicant = Applicants.durand();
        approved(applicant);

        Response corrected = post(correction(applicant), json(Map.of("lastName", "  Durand   Martin ", "firstName", "Jean",
                "reason", "Nom d'usage déclaré par erreur.")), admin());

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(202);
        assertThat(corrected.json().get("status").asString()).isEqualTo("CORRECTION_REQUESTED");
        NameCorrectionRequested event = awaitEvents(Topics.NAME_CORRECTION_REQUESTED, applicant.accountId()).get(0);
        assertThat(event.getLastName()).as("tidied as registration-service does").isEqualTo("Durand Martin");
        assertThat(event.getFirstName()).isEqualTo("Jean");
        assertThat(event.getReason()).isEqualTo("Nom d'usage déclaré par erreur.");
        assertThat(event.getCorrectedBy()).isEqualTo(ADMIN);

        JsonNode record = audit(applicant.accountId()).get(0);
        assertThat(record.get("action").asString()).isEqualTo("NAME_CORRECTED");
        assertThat(record.get("staff").asString()).isEqualTo(ADMIN);
        assertThat(record.get("before").get("lastName").asString()).isEqualTo("DURAND");
        assertThat(record.get("after").get("lastName").asString()).isEqualTo("Durand Martin");
        assertThat(record.get("after").get("reason").asString()).isEqualTo("Nom d'usage déclaré par erreur.");
    }

    @Test
    void correctedNamesComeBackToTheQueueAndReachTheDirectoryOnlyOnceApproved() {
        Applicants.Applicant applicant = Applicants.durand();
        String firstReview = approved(applicant);
        String address = applicant.address().getAddress();
        assertThat(directoryEntry(applicant).get("lastName").asString()).isEqualTo("DURAND");

        Instant correctedAt = namesCorrected(applicant, "DURAND-MARTIN");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT last_name FROM applicant WHERE account_id = :id").param("id", applicant.accountId())
                .query(String.class).single().equals("DURAND-MARTIN"));
        assertThat(reviewOf(applicant.accountId(), "PENDING")).as("not before the new identity check").isNull();
        send(Topics.IDENTITY_VERIFIED, applicant.accountId(), recheck(applicant, correctedAt, "DURAND-MARTIN"));

        JsonNode recheck = awaitReview(applicant.accountId(), "PENDING");
        assertThat(recheck.get("id").asString()).isNotEqualTo(firstReview);
        assertThat(directoryEntry(applicant).get("lastName").asString())
                .as("the directory keeps the names last validated while the new ones wait").isEqualTo("DURAND");

        assertThat(post("/api/v1/reviews/" + recheck.get("id").asString() + "/approval", null, reviewer()).status())
                .isEqualTo(200);
        JsonNode entry = directoryEntry(applicant);
        assertThat(entry.get("lastName").asString()).isEqualTo("DURAND-MARTIN");
        assertThat(entry.get("mssAddress").asString()).as("never derived again").isEqualTo(address);
        assertThat(reviews("APPROVED", r -> r.get("registrationId").asString().equals(applicant.accountId().toString())))
                .as("both reviews in the account's history").hasSize(2);
        List<AccountValidated> validations = await().atMost(Duration.ofSeconds(30))
                .until(() -> awaitEvents(Topics.ACCOUNT_VALIDATED, applicant.accountId()), events -> events.size() == 2);
        assertThat(validations).extracting(AccountValidated::getNamesCorrectionConfirmed)
                .as("the account's validation, then its corrected names' confirmation (told as such to the holder)")
                .containsExactly(false, true);
    }

    @Test
    void aRejectedRecheckLeavesTheAccountValidatedWithItsFormerDirectoryEntryAndAnnouncesNoRejection() {
        Applicants.Applicant applicant = Applicants.durand();
        approved(applicant);
        Instant correctedAt = namesCorrected(applicant, "DUPONT");
        send(Topics.IDENTITY_VERIFIED, applicant.accountId(), recheck(applicant, correctedAt, "DUPONT"));
        JsonNode recheck = awaitReview(applicant.accountId(), "PENDING");

        Response rejected = post("/api/v1/reviews/" + recheck.get("id").asString() + "/rejection",
                rejection("Le nom corrigé ne correspond pas à la pièce d'identité."), reviewer());

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(directoryEntry(applicant).get("lastName").asString()).isEqualTo("DURAND");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = :topic AND record_key = :id")
                .param("topic", Topics.ACCOUNT_REJECTED.name()).param("id", applicant.accountId().toString())
                .query(Long.class).single()).isZero();
    }

    @Test
    void badCorrectionsAreFrenchProblemsAndWriteNothing() {
        Applicants.Applicant pending = Applicants.durand();
        queued(pending);
        Applicants.Applicant validated = Applicants.durand();
        approved(validated);

        Response missing = post(correction(validated), json(Map.of("lastName", " ", "firstName", "")), admin());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("errors")).extracting(e -> e.get("field").asString() + ": " + e.get("message").asString())
                .containsExactlyInAnyOrder("lastName: Le nom est obligatoire.", "firstName: Le prénom est obligatoire.");
        Response tooLong = post(correction(validated), json(Map.of("lastName", "D".repeat(201), "firstName", "Jean")), admin());
        assertThat(tooLong.status()).as("more than the audit trail keeps of a name").isEqualTo(400);

        Response same = post(correction(validated), json(Map.of("lastName", " DURAND", "firstName", "Jean ")), admin());
        assertThat(same.status()).isEqualTo(422);
        assertThat(same.json().get("code").asString()).isEqualTo("NOTHING_TO_CORRECT");
        assertThat(same.json().get("detail").asString()).contains("nom et prénom");

        Response notValidated = post(correction(pending), names(), admin());
        assertThat(notValidated.status()).isEqualTo(409);
        assertThat(notValidated.json().get("code").asString()).isEqualTo("ACCOUNT_NOT_VALIDATED");
        Response unknown = post("/api/v1/accounts/" + UUID.randomUUID() + "/name-correction", names(), admin());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("ACCOUNT_NOT_FOUND");
        Response byReviewer = post(correction(validated), names(), reviewer());
        assertThat(byReviewer.status()).isEqualTo(403);

        assertThat(post("/api/v1/accounts/" + validated.accountId() + "/closure",
                json(Map.of("reason", "Départ à la retraite.")), admin()).status()).isEqualTo(200);
        Response closed = post(correction(validated), names(), admin());
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("code").asString()).isEqualTo("ACCOUNT_CLOSED");
        assertThat(closed.json().get("detail").asString()).contains("rouvrez-le");

        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = :topic AND record_key IN (:ids)")
                .param("topic", Topics.NAME_CORRECTION_REQUESTED.name())
                .param("ids", List.of(pending.accountId().toString(), validated.accountId().toString()))
                .query(Long.class).single()).isZero();
        assertThat(audit(validated.accountId())).extracting(r -> r.get("action").asString())
                .doesNotContain("NAME_CORRECTED");
    }

    @Test
    void namesOnlyRegistrationRefusesAreSentThenItsRefusalIsInTheAccountHistoryOnce() {
        Applicants.Applicant applicant = Applicants.durand();
        approved(applicant);

        Response sent = post(correction(applicant), json(Map.of("lastName", "Durand", "firstName", "Jean2")), admin());
        assertThat(sent.status()).as("the rule on names is registration-service's: " + sent.body()).isEqualTo(202);
        NameCorrectionRequested request = awaitEvents(Topics.NAME_CORRECTION_REQUESTED, applicant.accountId()).get(0);

        StaffCorrectionRefused refusal = StaffCorrectionRefused.newBuilder().setEventId(UUID.randomUUID())
                .setAccountId(applicant.accountId()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setRequestEventId(request.getEventId()).setRequestedBy(ADMIN).setKind("NAMES")
                .setReason("FIELD_NOT_ACCEPTABLE").setField("FIRST_NAME").setProblem("CHARACTERS").build();
        send(Topics.STAFF_CORRECTION_REFUSED, applicant.accountId(), refusal);
        send(Topics.STAFF_CORRECTION_REFUSED, applicant.accountId(), refusal);

        await().atMost(Duration.ofSeconds(30)).until(() -> refusals(applicant.accountId()).size() == 1);
        JsonNode recorded = refusals(applicant.accountId()).get(0);
        assertThat(recorded.get("staff").asString()).isEqualTo("registration-service");
        assertThat(recorded.get("after").get("reason").asString()).isEqualTo("FIELD_NOT_ACCEPTABLE");
        assertThat(recorded.get("after").get("field").asString()).isEqualTo("FIRST_NAME");
        assertThat(recorded.get("after").get("problem").asString()).isEqualTo("CHARACTERS");
        assertThat(recorded.get("after").get("requestedBy").asString()).isEqualTo(ADMIN);
        assertThat(recorded.get("after").get("requestEventId").asString()).isEqualTo(request.getEventId().toString());
        // The redelivery was consumed too (a later event of the same account is recorded), yet recorded nothing twice.
        send(Topics.STAFF_CORRECTION_REFUSED, applicant.accountId(), StaffCorrectionRefused.newBuilder(refusal)
                .setEventId(UUID.randomUUID()).setKind("CONTACT").setReason("ACCOUNT_CLOSED").setField(null)
                .setProblem(null).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> audit(applicant.accountId()).stream()
                .anyMatch(r -> r.get("action").asString().equals("CONTACT_CORRECTION_REFUSED")));
        assertThat(refusals(applicant.accountId())).hasSize(1);
    }

    private List<JsonNode> refusals(UUID accountId) {
        return audit(accountId).stream().filter(r -> r.get("action").asString().equals("NAME_CORRECTION_REFUSED")).toList();
    }

    // ---- what the other services publish after a correction

    /** registration-service applied the correction (NamesCorrected); returns when. */
    private Instant namesCorrected(Applicants.Applicant applicant, String lastName) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var profile = applicant.profile();
        send(Topics.NAMES_CORRECTED, applicant.accountId(), NamesCorrected.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(applicant.accountId()).setOccurredAt(at)
                .setCorrectedBy(ADMIN).setLastName(lastName).setFirstName("Jean")
                .setPreviousLastName(profile.getLastName()).setPreviousFirstName(profile.getFirstName())
                .setEmail(profile.getEmail()).setPath(profile.getPath()).setIdentifierType(profile.getIdentifierType())
                .setIdentifier(profile.getIdentifier()).setProfession(profile.getProfession())
                .setSpecialty(profile.getSpecialty()).setLiberal(profile.getLiberal())
                .setOrganisationName(profile.getOrganisationName()).setMssAddress(applicant.address().getAddress())
                .build());
        return at;
    }

    /** identity-verification-service checked the identity again with the new names. */
    private static IdentityVerified recheck(Applicants.Applicant applicant, Instant correctedAt, String lastName) {
        return IdentityVerified.newBuilder(applicant.identity()).setEventId(UUID.randomUUID())
                .setOccurredAt(correctedAt.plusSeconds(1)).setLastName(lastName).build();
    }

    private JsonNode directoryEntry(Applicants.Applicant applicant) {
        Response response = get("/api/v1/accounts/" + applicant.accountId() + "/directory-entry", reviewer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String correction(Applicants.Applicant applicant) {
        return "/api/v1/accounts/" + applicant.accountId() + "/name-correction";
    }

    private static String names() {
        return json(Map.of("lastName", "Durand-Martin", "firstName", "Jean"));
    }
}
