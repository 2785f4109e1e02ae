package fr.esante.medimail.registration.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import fr.esante.medimail.registration.IntegrationTest;
import fr.esante.medimail.support.secrets.SecretTokens;
import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class SessionIT extends IntegrationTest {

    @Test
    void wrongCredentialsGetTheSameAnswerWhetherOrNotTheAddressExists() {
        String email = uniqueEmail("known");
        confirmedAccount(email);

        Answer wrongPassword = signIn(email, "PasLeBonMotDePasse1");
        Answer unknownAddress = signIn(uniqueEmail("unknown"), "PasLeBonMotDePasse1");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownAddress.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownAddress.body());
        assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
        assertThat(wrongPassword.json().path("code").asString()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(wrongPassword.headers().firstValue("WWW-Authenticate")).isPresent();
        // A password BCrypt cannot take is just a wrong password.
        assertThat(signIn(email, "é".repeat(60)).body()).isEqualTo(unknownAddress.body());
    }

    @Test
    void anUnconfirmedAddressMustBeConfirmedFirst() {
        String email = uniqueEmail("unconfirmed");
        register(email);

        Answer rightPassword = signIn(email, PASSWORD);
        assertThat(rightPassword.status()).isEqualTo(403);
        assertThat(rightPassword.json().path("code").asString()).isEqualTo("EMAIL_NOT_CONFIRMED");
        assertThat(signIn(email, "PasLeBonMotDePasse1").status()).isEqualTo(401);
    }

    @Test
    void aConfirmedHolderGetsAnAccessTokenToFollowTheirOwnRegistration() {
        String email = uniqueEmail("follower");
        UUID id = confirmedAccount(email);

        Answer signedIn = signIn(email.toUpperCase(), PASSWORD);

        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(signedIn.json().path("accountStatus").asString()).isEqualTo("EMAIL_CONFIRMED");
        String token = signedIn.json().path("accessToken").asString();
        assertThat(Instant.parse(signedIn.json().path("expiresAt").asString())).isAfter(Instant.now().plusSeconds(7 * 3600));
        assertThat(jdbc.sql("SELECT count(*) FROM access_token WHERE token_hash = :hash AND account_id = :id")
                .param("hash", SecretTokens.hash(token)).param("id", id).query(Integer.class).single()).isEqualTo(1);

        JsonNode me = me(token);
        assertThat(me.path("registrationId").asString()).isEqualTo(id.toString());
        assertThat(me.path("status").asString()).isEqualTo("EMAIL_CONFIRMED");
        assertThat(me.path("lastName").asString()).isEqualTo("DURAND");
        assertThat(me.path("firstName").asString()).isEqualTo("Jean");
        assertThat(me.path("email").asString()).isEqualTo(email);
        assertThat(me.has("mssAddress")).isTrue();
        assertThat(me.path("mssAddress").isNull()).isTrue();
        assertThat(me.path("mailboxType").isNull()).isTrue();
        assertThat(me.path("rejectionReason").isNull()).isTrue();
        assertThat(me.path("profile").isNull()).isTrue();
    }

    @Test
    void protectedEndpointsRefuseMissingUnknownAndExpiredTokens() {
        String email = uniqueEmail("expired");
        confirmedAccount(email);
        String token = accessToken(email);

        Answer missing = get("/api/v1/me", null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().path("code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
        assertThat(get("/api/v1/me", "inconnu").json().path("code").asString()).isEqualTo("ACCESS_TOKEN_INVALID");
        assertThat(put("/api/v1/me/professional-profile", json(nationalIdProfile()), null).status()).isEqualTo(401);

        jdbc.sql("UPDATE access_token SET expires_at = :past WHERE token_hash = :hash")
                .param("past", java.sql.Timestamp.from(Instant.now().minusSeconds(1)))
                .param("hash", SecretTokens.hash(token)).update();
        Answer expired = get("/api/v1/me", token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("code").asString()).isEqualTo("ACCESS_TOKEN_EXPIRED");
    }

    @Test
    void passwordsAndTokensNeverReachTheLogs(CapturedOutput output) {
        String email = uniqueEmail("discreet");
        register(email);
        String confirmationToken = knownConfirmationToken(email);
        confirm(confirmationToken);
        signIn(email, "MauvaisMotDePasse42");
        String accessToken = accessToken(email);
        me(accessToken);

        assertThat(output.getAll()).contains("signed in")
                .doesNotContain(PASSWORD, "MauvaisMotDePasse42", confirmationToken, accessToken);
    }
}
