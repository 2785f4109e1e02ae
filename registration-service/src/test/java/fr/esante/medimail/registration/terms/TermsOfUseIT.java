package fr.esante.medimail.registration.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.registration.IncomingEvents;
import fr.esante.medimail.registration.IntegrationTest;

/** Until the current terms are accepted, a validated account's session can only read /me, the terms, and accept them. */
class TermsOfUseIT extends IntegrationTest {

    @Test
    void theTermsAreFrenchAndVersioned() {
        Answer terms = get("/api/v1/terms", null);

        assertThat(terms.status()).isEqualTo(200);
        assertThat(terms.json().path("version").asString()).isEqualTo("2026-12");
        assertThat(terms.json().path("text").asString()).contains("Conditions générales d'utilisation", "MSSanté",
                "secret professionnel");
    }

    @Test
    void aValidatedAccountMustAcceptTheTermsBeforeDoingAnythingElseAndTheAcceptanceIsRecorded() {
        String email = uniqueEmail("terms");
        UUID id = validatedAccount(email);
        String token = fullAccessToken(email, id);

        assertThat(me(token).path("status").asString()).isEqualTo("VALIDATED");
        Answer refused = put("/api/v1/me/professional-profile", json(nationalIdProfile()), token);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asString()).isEqualTo("TERMS_NOT_ACCEPTED");
        assertThat(refused.json().path("detail").asString()).contains("conditions générales");
        assertThat(put("/api/v1/me/password", json(Map.of("currentPassword", PASSWORD, "password", "x", "passwordConfirmation", "x")),
                token).json().path("code").asString()).isEqualTo("TERMS_NOT_ACCEPTED");

        Answer outdated = post("/api/v1/me/terms-acceptance", json(Map.of("version", "2020-01")), token);
        assertThat(outdated.status()).isEqualTo(400);
        assertThat(outdated.fieldCodes()).containsExactly("version:TERMS_VERSION_MISMATCH");
        assertThat(post("/api/v1/me/terms-acceptance", json(Map.of("version", "2026-12")), null).status()).isEqualTo(401);

        Answer accepted = post("/api/v1/me/terms-acceptance", json(Map.of("version", "2026-12")), token);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT count(*) FROM terms_acceptance WHERE account_id = :id AND version = '2026-12'"
                + " AND accepted_at > now() - interval '1 minute'").param("id", id).query(Integer.class).single()).isEqualTo(1);

        // Past the gate: the profile of a validated account cannot be changed this way (409), no longer a 403.
        assertThat(put("/api/v1/me/professional-profile", json(nationalIdProfile()), token).status()).isEqualTo(409);
        // The next session knows the terms are accepted.
        Answer challenge = signIn(email, PASSWORD);
        Answer next = submitCode(challenge, oneTimeCode(id, challenge));
        assertThat(next.json().path("termsAccepted").asBoolean()).isTrue();
    }

    @Test
    void aSessionOpenedBeforeValidationStillFollowsTheRegistrationButNothingMore() {
        String email = uniqueEmail("early-session");
        String token = accountWithSubmittedProfile(email);
        UUID id = UUID.fromString(me(token).path("registrationId").asString());
        feed(fr.esante.medimail.schemas.Topics.ACCOUNT_VALIDATED, IncomingEvents.accountValidated(id, email).build());

        assertThat(me(token).path("status").asString()).isEqualTo("VALIDATED");
        Answer accept = post("/api/v1/me/terms-acceptance", json(Map.of("version", "2026-12")), token);
        assertThat(accept.status()).isEqualTo(403);
        assertThat(accept.json().path("code").asString()).isEqualTo("ONE_TIME_CODE_REQUIRED");
    }
}
