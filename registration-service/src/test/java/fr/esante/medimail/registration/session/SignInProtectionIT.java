package fr.esante.medimail.registration.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import fr.esante.medimail.embedded.EmbeddedInfrastructureInitializer;
import fr.esante.medimail.registration.IntegrationTest;
import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.schemas.Topics;

/** Brute force: per account (e-mail address) a lock growing 1, 5, 15 minutes; per client address a failure limit. */
class SignInProtectionIT extends IntegrationTest {

    private static final String WRONG = "PasLeBonMotDePasse1";

    @Test
    void fiveFailuresLockTheAccountWithAGrowingWaitTheRightPasswordIncludedAndTheOwnerIsToldOncePerLock() {
        String email = uniqueEmail("locked");
        UUID id = confirmedAccount(email);

        for (int i = 0; i < 5; i++) {
            assertThat(signIn(email, WRONG).status()).isEqualTo(401);
        }
        Answer locked = signIn(email, PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(locked.json().path("code").asString()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(retryAfter(locked)).isBetween(55L, 60L);
        // Attempts during the wait neither count nor extend it.
        clock.advance(Duration.ofSeconds(30));
        assertThat(retryAfter(signIn(email, WRONG))).isBetween(25L, 30L);
        assertThat(eventsFor(Topics.SIGN_IN_LOCKED, id)).isEqualTo(1);

        // The wait is over: the next failure locks again at once, for 5 minutes.
        clock.advance(Duration.ofSeconds(31));
        assertThat(signIn(email, WRONG).status()).isEqualTo(401);
        assertThat(retryAfter(signIn(email, PASSWORD))).isBetween(295L, 300L);
        clock.advance(Duration.ofMinutes(5));
        assertThat(signIn(email, WRONG).status()).isEqualTo(401);
        assertThat(retryAfter(signIn(email, PASSWORD))).isBetween(895L, 900L);
        assertThat(eventsFor(Topics.SIGN_IN_LOCKED, id)).isEqualTo(3);
        var lockMail = awaitEvent(Topics.SIGN_IN_LOCKED, id);
        assertThat(lockMail.getEmail()).isEqualTo(email);

        // After the wait, the right password gets in and the count starts afresh.
        clock.advance(Duration.ofMinutes(15));
        assertThat(signIn(email, PASSWORD).status()).isEqualTo(200);
        assertThat(signIn(email, WRONG).status()).isEqualTo(401);
        assertThat(signIn(email, PASSWORD).status()).isEqualTo(200);
        assertThat(eventsFor(Topics.SIGN_IN_LOCKED, id)).isEqualTo(3);
    }

    @Test
    void anUnknownAddressIsAnsweredExactlyLikeAKnownOne() {
        String known = uniqueEmail("known-lock");
        confirmedAccount(known);
        String unknown = uniqueEmail("nobody");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(known, WRONG).body()).isEqualTo(signIn(unknown, WRONG).body());
        }
        Answer knownLocked = signIn(known, WRONG);
        Answer unknownLocked = signIn(unknown, WRONG);
        assertThat(knownLocked.status()).isEqualTo(429);
        assertThat(unknownLocked.status()).isEqualTo(429);
        assertThat(knownLocked.body()).isEqualTo(unknownLocked.body());
    }

    @Test
    void aClientAddressThatFailsTooOftenIsRefusedButABurstOfSuccessfulSignInsIsNever() throws Exception {
        String email = uniqueEmail("hospital");
        confirmedAccount(email);
        String attacker = uniqueClient();
        String signInBody = json(Map.of("email", email, "password", PASSWORD));

        // 20 failures (the test limit), each on a different address so that no account lock is involved.
        for (int i = 0; i < 20; i++) {
            assertThat(postFrom(attacker, "/api/v1/sessions", json(Map.of("email", uniqueEmail("guess"), "password", WRONG))).status())
                    .isEqualTo(401);
        }
        Answer refused = postFrom(attacker, "/api/v1/sessions", signInBody);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(retryAfter(refused)).isPositive();

        // One hospital behind one address: 60 successful sign-ins at once, none throttled.
        String hospital = uniqueClient();
        List<Future<Integer>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int i = 0; i < 60; i++) {
                answers.add(pool.submit(() -> postFrom(hospital, "/api/v1/sessions", signInBody).status()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLockSurvivesARestartOfTheServiceAndANewVersionOfTheTermsIsAskedAgain() {
        String email = uniqueEmail("restart");
        UUID id = validatedAccount(email);
        String token = fullAccessToken(email, id);
        assertThat(post("/api/v1/me/terms-acceptance", json(Map.of("version", "2026-12")), token).status()).isEqualTo(204);
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(email, WRONG).status()).isEqualTo(401);
        }
        assertThat(signIn(email, PASSWORD).status()).isEqualTo(429);

        // The service restarted on the same database, with a new version of the terms in its configuration.
        try (ConfigurableApplicationContext restarted = restart("medimail.registration.terms-version=2099-01")) {
            int port = ((WebServerApplicationContext) restarted).getWebServer().getPort();
            Answer stillLocked = send(request("/api/v1/sessions", null).uri(java.net.URI.create("http://localhost:" + port + "/api/v1/sessions"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json(Map.of("email", email, "password", PASSWORD)))));
            assertThat(stillLocked.status()).isEqualTo(429);
            assertThat(Long.parseLong(stillLocked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);

            Answer terms = send(request("/api/v1/terms", null).uri(java.net.URI.create("http://localhost:" + port + "/api/v1/terms")).GET());
            assertThat(terms.json().path("version").asString()).isEqualTo("2099-01");
            Answer gated = send(request("/", token).uri(java.net.URI.create("http://localhost:" + port + "/api/v1/me/professional-profile"))
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json(nationalIdProfile()))));
            assertThat(gated.status()).isEqualTo(403);
            assertThat(gated.json().path("code").asString()).isEqualTo("TERMS_NOT_ACCEPTED");
        }
    }

    /** A second instance of the service on the same database (its own consumer group: it only has to answer HTTP). */
    private ConfigurableApplicationContext restart(String... properties) {
        var application = RegistrationApplication.application();
        application.addInitializers(new EmbeddedInfrastructureInitializer());
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.config.name=registration-service",
                "--spring.cloud.stream.default.group=registration-service-restart-test", "--medimail.outbox.relay-enabled=false"));
        for (String property : properties) {
            args.add("--" + property);
        }
        return application.run(args.toArray(String[]::new));
    }

    private static long retryAfter(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(429);
        return Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
    }
}
