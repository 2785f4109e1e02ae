package fr.esante.medimail.registration.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.EmailConfirmed;
import fr.esante.medimail.registration.IntegrationTest;
import fr.esante.medimail.schemas.Topics;

class EmailConfirmationIT extends IntegrationTest {

    @Test
    void aTokenConfirmsOnceThenIsInvalid() {
        String email = uniqueEmail("once");
        UUID id = register(email);
        String token = knownConfirmationToken(email);

        Answer first = confirm(token);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("status").asString()).isEqualTo("EMAIL_CONFIRMED");
        EmailConfirmed event = awaitEvent(Topics.EMAIL_CONFIRMED, id);
        assertThat(event.getEmail()).isEqualTo(email);

        Answer second = confirm(token);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().path("code").asString()).isEqualTo("TOKEN_INVALID");
        assertThat(second.json().path("detail").asString()).contains("lien");
    }

    @Test
    void anExpiredTokenIsRefusedAndTheAccountStaysUnconfirmed() {
        String email = uniqueEmail("late");
        register(email);
        String token = knownConfirmationToken(email);
        jdbc.sql("UPDATE account SET confirmation_expires_at = :past WHERE email = :email")
                .param("past", java.sql.Timestamp.from(Instant.now().minusSeconds(60))).param("email", email).update();

        Answer answer = confirm(token);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("code").asString()).isEqualTo("TOKEN_EXPIRED");
        assertThat(jdbc.sql("SELECT status FROM account WHERE email = :email").param("email", email)
                .query(String.class).single()).isEqualTo("EMAIL_CONFIRMATION_PENDING");
    }

    @Test
    void anUnknownOrMissingTokenIsRefused() {
        assertThat(confirm("n-importe-quoi").json().path("code").asString()).isEqualTo("TOKEN_INVALID");
        Answer missing = post("/api/v1/email-confirmations", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.fieldCodes()).containsExactly("token:REQUIRED");
    }

    @Test
    void theLinkOpensAFrenchPageThatConfirmsThroughTheApi() {
        Answer page = get("/confirmation?token=abc", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).contains("lang=\"fr\"", "Confirmation de votre adresse e-mail", "/js/confirmation.js",
                "Se connecter");
        Answer script = get("/js/confirmation.js", null);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).as("what to do when the link expired")
                .contains("'/api/v1/email-confirmations'", "TOKEN_EXPIRED", "Demandez un nouveau lien", "replaceState");
    }
}
