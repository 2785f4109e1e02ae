package fr.esante.medimail.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Who may call what: 401 without a staff identity, 403 without the role REVIEWER, public health. */
class StaffAccessIT extends BackofficeIntegrationTest {

    private static final String SOME_REVIEW = "/api/v1/reviews/" + UUID.randomUUID();

    @Test
    void everyReviewsCallWithoutAStaffIdentityIsA401Problem() {
        assertUnauthenticated(get("/api/v1/reviews?status=PENDING", Map.of()));
        assertUnauthenticated(get("/api/v1/reviews", Map.of()));
        assertUnauthenticated(get(SOME_REVIEW, Map.of()));
        assertUnauthenticated(post(SOME_REVIEW + "/approval", "{}", Map.of()));
        assertUnauthenticated(post(SOME_REVIEW + "/rejection", rejection("Motif"), Map.of()));
        // Wrong password, unknown login, malformed header: the same answer.
        assertUnauthenticated(get("/api/v1/reviews", basic(REVIEWER, "pas-le-bon")));
        assertUnauthenticated(get("/api/v1/reviews", basic("inconnu", "agent")));
        assertUnauthenticated(post(SOME_REVIEW + "/approval", "{}", Map.of("Authorization", "Basic pas-du-base64")));
    }

    @Test
    void aStaffMemberWithoutTheReviewerRoleGetsA403ProblemAndDecidesNothing() {
        Applicants.Applicant applicant = Applicants.durand();
        JsonNode review = queued(applicant);
        String id = review.get("id").asString();

        assertForbidden(get("/api/v1/reviews?status=PENDING", basic(OBSERVER, OBSERVER_PASSWORD)));
        assertForbidden(post("/api/v1/reviews/" + id + "/approval", "{}", basic(OBSERVER, OBSERVER_PASSWORD)));
        assertForbidden(post("/api/v1/reviews/" + id + "/rejection", rejection("Non."), basic(OBSERVER, OBSERVER_PASSWORD)));

        assertThat(reviewOf(applicant.accountId(), "PENDING")).as("still pending").isNotNull();
    }

    @Test
    void healthIsPublicAndUp() {
        Response health = get("/actuator/health", Map.of());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void staffPagesSendAnonymousVisitorsToTheFrenchLoginForm() {
        Response reviews = get("/reviews", Map.of());
        assertThat(reviews.status()).isEqualTo(302);
        assertThat(reviews.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        Response login = get("/login", Map.of());
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("lang=\"fr\"").contains("Identifiant").contains("Mot de passe")
                .contains("Se connecter").contains("name=\"_csrf\"");
        // Basic credentials do not open the pages: they are form-login only.
        assertThat(get("/reviews", reviewer()).status()).isEqualTo(302);
    }

    @Test
    void fiveWrongPasswordsLockAStaffLoginForAMinuteTheRightPasswordIncluded() {
        for (int i = 0; i < 5; i++) {
            assertUnauthenticated(get("/api/v1/reviews?status=PENDING", basic(LOCKED_API_REVIEWER, "pas-le-bon")));
        }
        Response locked = get("/api/v1/reviews?status=PENDING", basic(LOCKED_API_REVIEWER, LOCKED_PASSWORD));

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(locked.json().get("code").asString()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        // Other staff logins are not concerned.
        assertThat(get("/api/v1/reviews?status=PENDING", reviewer()).status()).isEqualTo(200);
    }

    private static void assertUnauthenticated(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic realm=");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("type").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private static void assertForbidden(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(problem.get("detail").asString()).contains("REVIEWER");
    }
}
