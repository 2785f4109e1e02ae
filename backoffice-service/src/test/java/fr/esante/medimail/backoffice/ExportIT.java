package fr.esante.medimail.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.OrganisationalAddressAssigned;
import fr.esante.medimail.schemas.Topics;
import tools.jackson.databind.JsonNode;

/** CSV exports of the queue and of the decisions over a period: ADMIN only, French spreadsheet format, audited. */
class ExportIT extends BackofficeIntegrationTest {

    @Test
    void theQueueExportListsPendingReviewsOldestFirst() {
        Applicants.Applicant older = Applicants.durand(Duration.ofHours(30));
        Applicants.Applicant newer = Applicants.durand(Duration.ofHours(3));
        queued(older);
        queued(newer);

        Response csv = get("/api/v1/exports/queue.csv", admin());

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("file-d-attente.csv");
        assertThat(csv.body()).startsWith("\uFEFFreview_id;account_id;status;submitted_at;");
        List<String> lines = csv.body().lines().toList();
        int olderLine = lineOf(lines, older.accountId().toString());
        int newerLine = lineOf(lines, newer.accountId().toString());
        assertThat(olderLine).isPositive().isLessThan(newerLine);
        assertThat(lines.get(olderLine)).contains(";PENDING;").contains(older.profile().getEmail())
                .contains(older.address().getAddress()).endsWith(";PER;76");
        assertThat(audit().get(0).get("action").asString()).isEqualTo("QUEUE_EXPORTED");
        assertThat(audit().get(0).get("staff").asString()).isEqualTo(ADMIN);
    }

    @Test
    void theDecisionsExportCoversThePeriodAndQuotesWhatNeedsIt() {
        Applicants.Applicant approved = Applicants.durand();
        Applicants.Applicant rejected = Applicants.durand();
        Applicants.Applicant pending = Applicants.durand();
        String approval = queued(approved).get("id").asString();
        String rejection = queued(rejected).get("id").asString();
        queued(pending);
        assertThat(post("/api/v1/reviews/" + approval + "/approval", null, reviewer()).status()).isEqualTo(200);
        String reason = "Pièce illisible; merci de renvoyer \"la carte\"\net la signature.";
        assertThat(post("/api/v1/reviews/" + rejection + "/rejection", rejection(reason), reviewer()).status()).isEqualTo(200);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));

        Response csv = get("/api/v1/exports/decisions.csv?from=" + today.minusDays(1) + "&to=" + today, admin());

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).contains(approval + ";" + approved.accountId() + ";APPROVED;")
                .contains(rejection + ";" + rejected.accountId() + ";REJECTED;")
                .contains(";\"Pièce illisible; merci de renvoyer \"\"la carte\"\"\net la signature.\";")
                .doesNotContain(pending.accountId().toString());
        Response before = get("/api/v1/exports/decisions.csv?from=" + today.minusDays(10) + "&to=" + today.minusDays(2), admin());
        assertThat(before.body()).doesNotContain(approval).doesNotContain(rejection);
        JsonNode exported = audit().get(0);
        assertThat(exported.get("action").asString()).isEqualTo("DECISIONS_EXPORTED");
        assertThat(exported.get("after").get("from").asString()).isNotBlank();
    }

    @Test
    void orgMailboxRequestsAreInBothExportsWithTheRequesterAndTheStructure() {
        String requester = "org." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        UUID owner = UUID.randomUUID();
        OrganisationalAddressAssigned request = OrganisationalAddressAssigned.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(owner).setOccurredAt(Instant.now())
                .setRequestId(UUID.randomUUID()).setLabel("Accueil").setStructureIdentifierType("FINESS")
                .setStructureIdentifier("340000017").setPurpose("Accueil des patients")
                .setRequesterRegistrationId(owner.toString()).setRequesterLastName("ORGEXPORT").setRequesterFirstName("Anne")
                .setRequesterEmail(requester).setStructureName("CLINIQUE FICTIVE")
                .setAddress("accueil-" + UUID.randomUUID().toString().substring(0, 8) + "@finess-340000017.oc.mssante.fr")
                .build();
        send(Topics.ORGANISATIONAL_ADDRESS_ASSIGNED, owner, request);
        String line = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> lineWith(get("/api/v1/exports/queue.csv", admin()).body(), requester), l -> l != null);
        assertThat(line).contains(";" + owner + ";PENDING;", "ORGEXPORT", "FINESS;340000017", request.getAddress(), ";ORG;");
        String reviewId = line.substring(0, line.indexOf(';'));

        assertThat(post("/api/v1/reviews/" + reviewId + "/approval", null, reviewer()).status()).isEqualTo(200);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String decisions = get("/api/v1/exports/decisions.csv?from=" + today.minusDays(1) + "&to=" + today, admin()).body();
        assertThat(lineWith(decisions, requester)).contains(reviewId + ";" + owner + ";APPROVED;", ";ORG;");
        assertThat(lineWith(get("/api/v1/exports/queue.csv", admin()).body(), requester)).as("no longer waiting").isNull();
    }

    private static String lineWith(String csv, String text) {
        return csv.lines().filter(l -> l.contains(text)).findFirst().orElse(null);
    }

    @Test
    void exportsAreForAdminsAndABadPeriodIsAFrenchProblem() {
        assertThat(get("/api/v1/exports/queue.csv", reviewer()).status()).isEqualTo(403);
        assertThat(get("/api/v1/exports/decisions.csv?from=2026-01-01&to=2026-01-31", reviewer()).status()).isEqualTo(403);
        assertThat(get("/api/v1/exports/queue.csv", Map.of()).status()).isEqualTo(401);

        Response inverted = get("/api/v1/exports/decisions.csv?from=2026-02-01&to=2026-01-31", admin());
        assertThat(inverted.status()).isEqualTo(400);
        assertThat(inverted.contentType()).startsWith("application/problem+json");
        assertThat(inverted.json().get("errors").get(0).get("code").asString()).isEqualTo("INVALID_PERIOD");
        Response notADate = get("/api/v1/exports/decisions.csv?from=hier&to=2026-01-31", admin());
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json().get("errors").get(0).get("code").asString()).isEqualTo("INVALID_VALUE");
        assertThat(notADate.json().get("errors").get(0).get("message").asString()).contains("AAAA-MM-JJ");
        assertThat(get("/api/v1/exports/decisions.csv?from=2026-01-01", admin()).status()).isEqualTo(400);
    }

    private static int lineOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private List<JsonNode> audit() {
        List<JsonNode> records = new java.util.ArrayList<>();
        get("/api/v1/audit-records?subjectId=" + "queue", reviewer()).json().forEach(records::add);
        get("/api/v1/audit-records?subjectId=" + "decisions", reviewer()).json().forEach(records::add);
        records.sort((a, b) -> Long.compare(b.get("id").asLong(), a.get("id").asLong()));
        return records;
    }
}
