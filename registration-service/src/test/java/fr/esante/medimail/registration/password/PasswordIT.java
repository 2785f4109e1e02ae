package fr.esante.medimail.registration.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.PasswordChanged;
import fr.esante.medimail.events.PasswordResetRequested;
import fr.esante.medimail.registration.IntegrationTest;
import fr.esante.medimail.schemas.Topics;

/** Password change (other sessions closed) and reset by e-mailed link (every session closed). */
class PasswordIT extends IntegrationTest {

    private static final String NEW_PASSWORD = "Otoscope-2027-neuf";

    @Test
    void changingThePasswordClosesTheOtherSessionsAndTellsTheHolder() {
        String email = uniqueEmail("change");
        UUID id = validatedAccount(email);
        String kept = fullAccessToken(email, id);
        String other = fullAccessToken(email, id);
        assertThat(post("/api/v1/me/terms-acceptance", json(Map.of("version", "2026-12")), kept).status()).isEqualTo(204);

        Answer wrongCurrent = put("/api/v1/me/password", change("PasLeBon-2024", NEW_PASSWORD, NEW_PASSWORD), kept);
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.fieldCodes()).containsExactly("currentPassword:PASSWORD_INCORRECT");
        assertThat(put("/api/v1/me/password", change(PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x"), kept).fieldCodes())
                .containsExactly("passwordConfirmation:PASSWORDS_DO_NOT_MATCH");
        assertThat(put("/api/v1/me/password", change(PASSWORD, "court1", "court1"), kept).fieldCodes())
                .containsExactly("password:PASSWORD_TOO_WEAK");
        assertThat(get("/api/v1/me", other).status()).as("nothing changed yet").isEqualTo(200);

        Answer changed = put("/api/v1/me/password", change(PASSWORD, NEW_PASSWORD, NEW_PASSWORD), kept);
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);

        assertThat(get("/api/v1/me", kept).status()).isEqualTo(200);
        assertThat(get("/api/v1/me", other).status()).isEqualTo(401);
        assertThat(signIn(email, PASSWORD).status()).isEqualTo(401);
        assertThat(signIn(email, NEW_PASSWORD).status()).isEqualTo(202);
        PasswordChanged told = awaitEvent(Topics.PASSWORD_CHANGED, id);
        assertThat(told.getEmail()).isEqualTo(email);
        assertThat(told.getThroughReset()).isFalse();
    }

    @Test
    void aResetLinkWorksOnceClosesEverySessionAndUnknownAddressesGetTheSameAnswerWithoutMail() {
        String email = uniqueEmail("reset");
        UUID id = confirmedAccount(email);
        String session = accessToken(email);

        Answer unknown = post("/api/v1/password-resets", json(Map.of("email", uniqueEmail("nobody"))));
        Answer known = post("/api/v1/password-resets", json(Map.of("email", email.toUpperCase())));
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.status()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());

        PasswordResetRequested requested = awaitEvent(Topics.PASSWORD_RESET_REQUESTED, id);
        String token = secrets.open(requested.getSealedResetToken());
        assertThat(outboxEventsMentioning(token)).isZero();
        assertThat(requested.getExpiresAt()).isBetween(now().plus(Duration.ofMinutes(59)), now().plus(Duration.ofMinutes(61)));

        assertThat(post("/api/v1/password-resets/confirmation", reset(token, NEW_PASSWORD, "autre-chose-2027")).fieldCodes())
                .containsExactly("passwordConfirmation:PASSWORDS_DO_NOT_MATCH");
        Answer done = post("/api/v1/password-resets/confirmation", reset(token, NEW_PASSWORD, NEW_PASSWORD));
        assertThat(done.status()).as(done.body()).isEqualTo(204);

        assertThat(get("/api/v1/me", session).status()).isEqualTo(401);
        assertThat(signIn(email, PASSWORD).status()).isEqualTo(401);
        assertThat(signIn(email, NEW_PASSWORD).status()).isEqualTo(200);
        Answer again = post("/api/v1/password-resets/confirmation", reset(token, "Encore-un-2028", "Encore-un-2028"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("code").asString()).isEqualTo("TOKEN_INVALID");
        assertThat(post("/api/v1/password-resets/confirmation", reset("inconnu", NEW_PASSWORD, NEW_PASSWORD))
                .json().path("code").asString()).isEqualTo("TOKEN_INVALID");
        assertThat(eventsFor(Topics.PASSWORD_CHANGED, id)).isEqualTo(1);
    }

    @Test
    void aResetLinkExpiresAfterAnHour() {
        String email = uniqueEmail("reset-late");
        UUID id = confirmedAccount(email);
        post("/api/v1/password-resets", json(Map.of("email", email)));
        String token = secrets.open(awaitEvent(Topics.PASSWORD_RESET_REQUESTED, id).getSealedResetToken());

        clock.advance(Duration.ofMinutes(60));
        Answer late = post("/api/v1/password-resets/confirmation", reset(token, NEW_PASSWORD, NEW_PASSWORD));

        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().path("code").asString()).isEqualTo("TOKEN_EXPIRED");
        assertThat(signIn(email, PASSWORD).status()).as("nothing changed").isEqualTo(200);
    }

    @Test
    void parallelResetRequestsSendOneMailAMinuteAndAFewADay() throws Exception {
        String email = uniqueEmail("flood");
        UUID id = confirmedAccount(email);
        String body = json(Map.of("email", email));

        List<Future<Integer>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> postFrom(uniqueClient(), "/api/v1/password-resets", body).status()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(202);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventsFor(Topics.PASSWORD_RESET_REQUESTED, id)).isEqualTo(1);

        for (int minute = 1; minute <= 6; minute++) {
            clock.advance(Duration.ofSeconds(61));
            postFrom(uniqueClient(), "/api/v1/password-resets", body);
        }
        assertThat(eventsFor(Topics.PASSWORD_RESET_REQUESTED, id)).as("5 a day").isEqualTo(5);
        clock.advance(Duration.ofHours(24));
        postFrom(uniqueClient(), "/api/v1/password-resets", body);
        assertThat(eventsFor(Topics.PASSWORD_RESET_REQUESTED, id)).isEqualTo(6);
    }

    @Test
    void aClientAddressAskingForTooManyMailsIsRefused() {
        String mine = uniqueClient();
        for (int i = 0; i < 10; i++) {
            assertThat(postFrom(mine, "/api/v1/password-resets", json(Map.of("email", uniqueEmail("spam")))).status()).isEqualTo(202);
        }
        Answer refused = postFrom(mine, "/api/v1/password-resets", json(Map.of("email", uniqueEmail("spam"))));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.json().path("code").asString()).isEqualTo("TOO_MANY_REQUESTS");
    }

    private static String change(String current, String password, String confirmation) {
        return json(Map.of("currentPassword", current, "password", password, "passwordConfirmation", confirmation));
    }

    private static String reset(String token, String password, String confirmation) {
        return json(Map.of("token", token, "password", password, "passwordConfirmation", confirmation));
    }
}
