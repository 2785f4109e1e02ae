package fr.esante.medimail.registration.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.registration.IntegrationTest;
import fr.esante.medimail.schemas.Topics;

/** A validated account signs in with its password, then the 6-digit code e-mailed to it (sealed on Kafka). */
class OneTimeCodeSignInIT extends IntegrationTest {

    @Test
    void theRightCodeOpensASessionOnceAndAWrongOneSaysHowManyTriesAreLeft() {
        String email = uniqueEmail("otp");
        UUID id = validatedAccount(email);

        Answer challenge = signIn(email, PASSWORD);
        assertThat(challenge.status()).as(challenge.body()).isEqualTo(202);
        assertThat(challenge.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(challenge.json().path("sentTo").asString()).isEqualTo(email.charAt(0) + "***@example.org");
        assertThat(challenge.json().has("accessToken")).isFalse();
        Instant expiresAt = Instant.parse(challenge.json().path("expiresAt").asString());
        assertThat(expiresAt).isBetween(Instant.now().plusSeconds(9 * 60), Instant.now().plusSeconds(10 * 60 + 5));

        String code = oneTimeCode(id, challenge);
        assertThat(code).matches("\\d{6}");
        assertThat(outboxEventsMentioning(code)).as("the code travels sealed").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM otp_challenge WHERE code_hash LIKE '%' || :code || '%'").param("code", code)
                .query(Integer.class).single()).isZero();

        Answer wrong = submitCode(challenge, otherCode(code));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.json().path("code").asString()).isEqualTo("OTP_INVALID");
        assertThat(wrong.json().path("triesLeft").asInt()).isEqualTo(4);
        assertThat(wrong.json().path("detail").asString()).contains("4 essais");

        Answer session = submitCode(challenge, code);
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        assertThat(session.json().path("termsAccepted").asBoolean()).isFalse();
        assertThat(Instant.parse(session.json().path("expiresAt").asString())).isAfter(Instant.now().plusSeconds(7 * 3600));
        assertThat(me(session.json().path("accessToken").asString()).path("status").asString()).isEqualTo("VALIDATED");

        Answer reused = submitCode(challenge, code);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().path("code").asString()).isEqualTo("OTP_EXPIRED");
        Answer unknown = post("/api/v1/sessions/otp", json(Map.of("challengeId", UUID.randomUUID().toString(), "code", code)));
        assertThat(unknown.json().path("code").asString()).isEqualTo("OTP_EXPIRED");
    }

    @Test
    void aCodeIsDeadAfterTenMinutes() {
        String email = uniqueEmail("otp-late");
        UUID id = validatedAccount(email);
        Answer challenge = signIn(email, PASSWORD);
        String code = oneTimeCode(id, challenge);

        clock.advance(Duration.ofMinutes(10));
        Answer late = submitCode(challenge, code);

        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().path("code").asString()).isEqualTo("OTP_EXPIRED");
    }

    @Test
    void fiveWrongCodesKillTheChallengeAndLockTheAccountLikeWrongPasswords() {
        String email = uniqueEmail("otp-guess");
        UUID id = validatedAccount(email);
        Answer challenge = signIn(email, PASSWORD);
        String code = oneTimeCode(id, challenge);

        for (int triesLeft = 4; triesLeft >= 0; triesLeft--) {
            Answer wrong = submitCode(challenge, otherCode(code));
            assertThat(wrong.json().path("code").asString()).isEqualTo("OTP_INVALID");
            assertThat(wrong.json().path("triesLeft").asInt()).isEqualTo(triesLeft);
        }
        Answer locked = submitCode(challenge, code);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(signIn(email, PASSWORD).status()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(61));
        Answer dead = submitCode(challenge, code);
        assertThat(dead.status()).isEqualTo(400);
        assertThat(dead.json().path("code").asString()).isEqualTo("OTP_EXPIRED");
    }

    @Test
    void aNewCodeCanBeAskedForAfterAMinuteAndReplacesThePreviousOne() {
        String email = uniqueEmail("otp-resend");
        UUID id = validatedAccount(email);
        Answer challenge = signIn(email, PASSWORD);
        String first = oneTimeCode(id, challenge);
        String resendBody = json(Map.of("challengeId", challenge.json().path("challengeId").asString()));

        Answer tooSoon = postFrom(uniqueClient(), "/api/v1/sessions/otp/resend", resendBody);
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.json().path("code").asString()).isEqualTo("OTP_RESEND_TOO_SOON");
        assertThat(Long.parseLong(tooSoon.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);

        clock.advance(Duration.ofSeconds(61));
        Answer resent = postFrom(uniqueClient(), "/api/v1/sessions/otp/resend", resendBody);
        assertThat(resent.status()).as(resent.body()).isEqualTo(202);
        assertThat(resent.json().path("challengeId").asString()).isEqualTo(challenge.json().path("challengeId").asString());
        assertThat(resent.json().path("sentTo").asString()).isEqualTo(email.charAt(0) + "***@example.org");
        String second = oneTimeCode(id, resent);
        assertThat(eventsFor(Topics.ONE_TIME_CODE_REQUESTED, id)).isEqualTo(2);

        if (!second.equals(first)) {
            assertThat(submitCode(challenge, first).json().path("code").asString()).isEqualTo("OTP_INVALID");
        }
        assertThat(submitCode(challenge, second).status()).isEqualTo(200);
        Answer afterUse = postFrom(uniqueClient(), "/api/v1/sessions/otp/resend", resendBody);
        assertThat(afterUse.json().path("code").asString()).isEqualTo("OTP_EXPIRED");
    }

    @Test
    void logoutKillsTheTokenAtOnce() {
        String email = uniqueEmail("logout");
        confirmedAccount(email);
        String token = accessToken(email);
        assertThat(get("/api/v1/me", token).status()).isEqualTo(200);

        assertThat(delete("/api/v1/sessions/current", token).status()).isEqualTo(204);

        Answer after = get("/api/v1/me", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().path("code").asString()).isEqualTo("ACCESS_TOKEN_INVALID");
        assertThat(jdbc.sql("SELECT count(*) FROM access_token WHERE token_hash = :hash")
                .param("hash", fr.esante.medimail.support.secrets.SecretTokens.hash(token)).query(Integer.class).single()).isZero();
    }

    private static String otherCode(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
