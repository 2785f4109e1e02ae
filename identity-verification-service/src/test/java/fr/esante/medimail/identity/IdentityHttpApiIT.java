package fr.esante.medimail.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.identity.operators.OperatorAccounts;
import fr.esante.medimail.testsupport.TestHttpClient;

import tools.jackson.databind.JsonNode;

/**
 * The HTTP interface: the public identifier checks and health, the operators' directory imports and decisions, and
 * how the operators' endpoints authenticate (problems in French, lockout, renewed password hashes).
 */
class IdentityHttpApiIT extends IdentityServiceContext {

    private static final String OPERATOR_CREDENTIALS = basic(OPERATOR, "mot-de-passe-operateur");
    private static final String READER_CREDENTIALS = basic(READER, "mot-de-passe-lecteur");

    @Autowired
    OperatorAccounts operatorAccounts;

    @Test
    void identifier_checks_answer_every_input_with_a_code() {
        JsonNode valid = post("/api/v1/identifier-checks", "{\"type\":\"RPPS\",\"value\":\"8 998 000 000 12\"}", 200);
        assertThat(valid.get("wellFormed").asBoolean()).isTrue();
        assertThat(valid.get("code").isNull()).isTrue();
        assertThat(valid.get("value").asString()).isEqualTo("8 998 000 000 12");
        assertThat(valid.get("normalizedValue").asString()).isEqualTo("99800000012");

        JsonNode invalid = post("/api/v1/identifier-checks", "{\"type\":\"RPPS\",\"value\":\"10100326495\"}", 200);
        assertThat(invalid.get("wellFormed").asBoolean()).isFalse();
        assertThat(invalid.get("code").asString()).isEqualTo("INVALID_CHECK_DIGIT");
        assertThat(invalid.get("message").asString()).contains("RPPS");

        assertThat(post("/api/v1/identifier-checks", "{\"type\":\"SIRET\",\"value\":\"35600000009075\"}", 200)
                .get("wellFormed").asBoolean()).isTrue();
        assertThat(post("/api/v1/identifier-checks", "{\"type\":\"FINESS\",\"value\":\"2C0000012\"}", 200)
                .get("code").asString()).isEqualTo("INVALID_DEPARTMENT");
        assertThat(post("/api/v1/identifier-checks", "{\"type\":\"NIR\",\"value\":\"1\"}", 200)
                .get("code").asString()).isEqualTo("UNKNOWN_TYPE");
        assertThat(post("/api/v1/identifier-checks", "{}", 200).get("code").asString()).isEqualTo("UNKNOWN_TYPE");
        JsonNode huge = post("/api/v1/identifier-checks", "{\"type\":\"ADELI\",\"value\":\"" + "9".repeat(5000) + "\"}", 200);
        assertThat(huge.get("code").asString()).isEqualTo("WRONG_LENGTH");
        assertThat(huge.get("value").isNull()).as("a huge value is not echoed").isTrue();
        assertThat(post("/api/v1/identifier-checks", "{\"type\":\"ADELI\",\"value\":\"" + "9".repeat(20_000) + "\"}", 413)
                .get("code").asString()).isEqualTo("REQUEST_TOO_LARGE");
        JsonNode unknownField = post("/api/v1/identifier-checks", "{\"type\":\"RPPS\",\"value\":\"1\",\"debug\":true}", 400);
        assertThat(unknownField.get("errors").get(0).get("field").asString()).isEqualTo("debug");
        JsonNode nul = post("/api/v1/identifier-checks", "{\"type\":\"RPPS\",\"value\":\"998\\u0000\"}", 400);
        assertThat(nul.get("errors").get(0).get("code").asString()).isEqualTo("FORBIDDEN_CHARACTER");
        JsonNode number = post("/api/v1/identifier-checks", "{\"type\":\"RPPS\",\"value\":99800000012}", 400);
        assertThat(number.get("errors").get(0).get("field").asString()).isEqualTo("value");
        JsonNode malformed = post("/api/v1/identifier-checks", "{\"type\":", 400);
        assertThat(malformed.get("code").asString()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void identifier_checks_and_health_stay_public() {
        assertThat(post("/api/v1/identifier-checks", "{\"type\":\"RPPS\",\"value\":\"99800000012\"}", 200)
                .get("wellFormed").asBoolean()).isTrue();
        TestHttpClient.Answer health = getAs("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void health_is_up_once_the_directory_is_imported() {
        TestHttpClient.Answer response = getAs("/actuator/health", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void an_operator_imports_a_file_from_the_inbox_and_follows_it() throws Exception {
        String sample;
        try (InputStream in = getClass().getResourceAsStream("/directory/PS_LibreAcces_Personne_activite_sample.txt")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String header = sample.substring(0, sample.indexOf('\n'));
        int columns = header.split("\\|", -1).length;
        String[] extra = new String[columns];
        java.util.Arrays.fill(extra, "");
        extra[0] = "8";
        extra[1] = "99800000111";
        extra[2] = "899800000111";
        extra[7] = "NOUVEL";
        extra[8] = "Inès";
        extra[9] = "60";
        Files.writeString(INBOX.resolve("extraction.txt"), sample + String.join("|", extra) + "\n" + "broken|row\n");

        TestHttpClient.Answer started = postAs("/api/v1/directory-imports", "{\"path\":\"extraction.txt\"}", OPERATOR_CREDENTIALS);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();

        JsonNode summary = await().atMost(Duration.ofSeconds(30)).until(() -> get(location, OPERATOR_CREDENTIALS, 200),
                s -> !"RUNNING".equals(s.get("status").asString()));
        assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
        long sampleRows = sample.lines().count() - 1; // the header aside
        assertThat(summary.get("rowsRead").asLong()).isEqualTo(sampleRows + 2);
        assertThat(summary.get("rowsImported").asLong()).isEqualTo(sampleRows + 1);
        assertThat(summary.get("rowsRejected").asLong()).isEqualTo(1);
        assertThat(summary.get("rejections").get(0).get("lineNumber").asLong()).isEqualTo(sampleRows + 3);

        JsonNode outside = post("/api/v1/directory-imports", "{\"path\":\"../../etc/passwd\"}", OPERATOR_CREDENTIALS, 400);
        assertThat(outside.get("errors").get(0).get("code").asString()).isIn("FILE_NOT_FOUND", "PATH_NOT_ALLOWED");
    }

    @Test
    void the_operators_endpoints_need_an_operator_and_answer_problems_otherwise() {
        ProfessionalProfileSubmitted event = profile("NATIONAL_ID", "RPPS", "99800000079", "DURAND", "Jean", "10");
        submit(event);
        awaitRejected(event.getAccountId());
        String decisions = "/api/v1/identity-decisions?accountId=" + event.getAccountId();

        for (String path : List.of(decisions, "/api/v1/directory-imports", "/api/v1/directory-imports/1", "/api/v1/no-such-thing")) {
            TestHttpClient.Answer anonymous = getAs(path, null);
            assertUnauthenticated(anonymous);
            assertUnauthenticated(getAs(path, basic(OPERATOR, "mauvais-mot-de-passe")));
            assertUnauthenticated(getAs(path, basic("inconnu", "mot-de-passe-operateur")));
            assertUnauthenticated(getAs(path, "Basic pas-du-base64!"));
            TestHttpClient.Answer reader = getAs(path, READER_CREDENTIALS);
            assertThat(reader.status()).as(path + " " + reader.body()).isEqualTo(403);
            assertThat(reader.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            JsonNode forbidden = reader.json();
            assertThat(forbidden.get("code").asString()).isEqualTo("FORBIDDEN");
            assertThat(forbidden.get("title").asString()).isEqualTo("Accès refusé");
            assertThat(forbidden.get("detail").asString()).contains("OPERATOR");
        }
        // Starting an import: refused before the body is even read (nothing is imported).
        for (String credentials : new String[] {null, READER_CREDENTIALS}) {
            TestHttpClient.Answer refused = postAs("/api/v1/directory-imports", "{\"force\":true}", credentials);
            assertThat(refused.status()).as(refused.body()).isEqualTo(credentials == null ? 401 : 403);
        }

        JsonNode found = get(decisions, OPERATOR_CREDENTIALS, 200);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("reason").asString()).isEqualTo("NOT_FOUND");
        assertThat(get("/api/v1/directory-imports", OPERATOR_CREDENTIALS, 200).isArray()).isTrue();
        // Logins are not case-sensitive, passwords are.
        assertThat(getAs(decisions, basic(OPERATOR.toUpperCase(), "mot-de-passe-operateur"))
                .status()).isEqualTo(200);
        assertThat(getAs(decisions, basic(OPERATOR, "MOT-DE-PASSE-OPERATEUR"))
                .status()).isEqualTo(401);
    }

    @Test
    void five_wrong_passwords_lock_an_operator_login_the_right_password_included() {
        String path = "/api/v1/directory-imports";
        for (int i = 0; i < 5; i++) {
            assertUnauthenticated(getAs(path, basic(LOCKED_OPERATOR, "mauvais-mot-de-passe")));
        }
        TestHttpClient.Answer locked = getAs(path, basic(LOCKED_OPERATOR, "Verrou-2026-operateur"));

        assertThat(locked.status()).as(locked.body()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(locked.json().get("code").asString()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(getAs(path, OPERATOR_CREDENTIALS).status()).isEqualTo(200);
    }

    @Test
    void an_account_configured_with_a_bcrypt_hash_signs_in_and_its_hash_is_renewed_to_argon2id() {
        String path = "/api/v1/directory-imports";
        // Authenticated (403: the reader lacks OPERATOR), so the password was checked against the BCrypt hash.
        assertThat(getAs(path, READER_CREDENTIALS).status()).isEqualTo(403);

        assertThat(operatorAccounts.loadUserByUsername(READER).getPassword()).startsWith("$argon2id$");
        assertThat(getAs(path, READER_CREDENTIALS).status())
                .as("the renewed hash works").isEqualTo(403);
        assertUnauthenticated(getAs(path, basic(READER, "pas-le-bon")));
    }

    @Test
    void malformed_parameters_are_400_or_404_problems_never_500() {
        JsonNode missing = get("/api/v1/identity-decisions", OPERATOR_CREDENTIALS, 400);
        assertThat(missing.get("errors").get(0).get("field").asString()).isEqualTo("accountId");
        assertThat(missing.get("errors").get(0).get("code").asString()).isEqualTo("REQUIRED");
        for (String value : List.of("pas-un-uuid", "%20", "3f2b6c1e-8d4a-4b7e-9c0d-1a2b3c4d5e6f-00", "%00", "1-2-3")) {
            JsonNode bad = get("/api/v1/identity-decisions?accountId=" + value, OPERATOR_CREDENTIALS, 400);
            assertThat(bad.get("errors").get(0).get("code").asString()).as(value).isIn("INVALID_FORMAT", "REQUIRED", "FORBIDDEN_CHARACTER");
        }
        assertThat(get("/api/v1/identity-decisions?accountId=" + UUID.randomUUID(), OPERATOR_CREDENTIALS, 200)).isEmpty();

        for (String id : List.of("abc", "1.5", "99999999999999999999", "-0x1", "999999999", "%20")) {
            JsonNode notFound = get("/api/v1/directory-imports/" + id, OPERATOR_CREDENTIALS, 404);
            assertThat(notFound.get("code").asString()).as(id).isEqualTo("IMPORT_NOT_FOUND");
            assertThat(notFound.get("detail").asString()).isEqualTo("Aucun import de l'annuaire ne porte ce numéro.");
        }

        JsonNode nul = post("/api/v1/directory-imports", "{\"path\":\"a\\u0000b\"}", OPERATOR_CREDENTIALS, 400);
        // Refused by the shared JSON reading before the controller sees it (platform-support, StrictJson).
        assertThat(nul.get("code").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(nul.get("errors").get(0).get("field").asString()).isEqualTo("path");
        assertThat(nul.get("errors").get(0).get("code").asString()).isEqualTo("FORBIDDEN_CHARACTER");
        assertThat(post("/api/v1/directory-imports", "{\"path\":\"/etc/passwd\"}", OPERATOR_CREDENTIALS, 400)
                .get("errors").get(0).get("code").asString()).isIn("FILE_NOT_FOUND", "PATH_NOT_ALLOWED");
        assertThat(post("/api/v1/directory-imports", "{\"path\":\"" + "x".repeat(5000) + "\"}", OPERATOR_CREDENTIALS, 400)
                .get("errors").get(0).get("code").asString()).isIn("FILE_NOT_FOUND", "PATH_NOT_ALLOWED");
        assertThat(post("/api/v1/directory-imports", "{\"force\":\"peut-être\"}", OPERATOR_CREDENTIALS, 400)
                .get("status").asInt()).isEqualTo(400);
        assertThat(post("/api/v1/directory-imports", "{\"path\":", OPERATOR_CREDENTIALS, 400)
                .get("code").asString()).isEqualTo("MALFORMED_REQUEST");
    }

    private void assertUnauthenticated(TestHttpClient.Answer response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic realm=");
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(problem.get("title").asString()).isEqualTo("Authentification requise");
        assertThat(problem.get("detail").asString()).contains("opérateur");
    }

    /** The {@code Authorization} header's value, so that tests can also send a malformed one. */
    private static String basic(String username, String password) {
        return TestHttpClient.basic(username, password).get("Authorization");
    }

    private static Map<String, String> authorization(String value) {
        return value == null ? Map.of() : Map.of("Authorization", value);
    }

    private TestHttpClient.Answer getAs(String path, String authorization) {
        return http().get(path, authorization(authorization));
    }

    private TestHttpClient.Answer postAs(String path, String body, String authorization) {
        return http().post(path, body, authorization(authorization));
    }

    private JsonNode get(String path, String authorization, int expectedStatus) {
        TestHttpClient.Answer response = getAs(path, authorization);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(expectedStatus);
        return response.json();
    }

    private JsonNode post(String path, String body, int expectedStatus) {
        return post(path, body, null, expectedStatus);
    }

    private JsonNode post(String path, String body, String authorization, int expectedStatus) {
        TestHttpClient.Answer response = postAs(path, body, authorization);
        assertThat(response.status()).as(response.body()).isEqualTo(expectedStatus);
        if (expectedStatus >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        return response.json();
    }
}
