package fr.esante.medimail.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.testsupport.payloads.ProfileSubmissions;

/**
 * What a hostile client found on this service (issue 13): control characters, lone surrogates and loosely typed
 * values are refused with a problem naming the field, and nothing of the request is stored or announced.
 */
class HostileInputIT extends IntegrationTest {

    private static final String PROFILE = "/api/v1/me/professional-profile";

    @Test
    void aNulCharacterInAnyProfileTextIsRefusedNamingTheFieldAndNothingIsStored() {
        String email = uniqueEmail("nul");
        confirmedAccount(email);
        String token = accessToken(email);
        for (String field : new String[] {"identifier", "organisationName", "serviceName", "address.line", "address.city"}) {
            Map<String, Object> profile = nationalIdProfile();
            String marker = "NUL-" + field;
            withField(profile, field, "Val" + "\u0000" + marker);
            Answer answer = put(PROFILE, json(profile), token);
            assertThat(answer.status()).as(field).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.fieldCodes()).as(field).containsExactly(field + ":FORBIDDEN_CHARACTER");
            assertThat(answer.body()).doesNotContain(marker);
            assertThat(outboxEventsMentioning(marker)).isZero();
        }
        assertThat(me(token).path("status").asString()).isEqualTo("EMAIL_CONFIRMED");
    }

    @Test
    void controlCharactersAndLoneSurrogatesInSignInAndRegistrationAreRefused() {
        String email = uniqueEmail("surrogate");
        // The lone surrogate is written into the JSON text by hand: no JSON writer would produce it.
        Answer lone = post("/api/v1/registrations", registration(email).withPassword("Stethoscope2024LONE").json()
                .replace("LONE", "\\ud800"));
        assertThat(lone.status()).isEqualTo(400);
        assertThat(lone.fieldCodes()).contains("password:FORBIDDEN_CHARACTER");
        assertThat(accountsWithEmail(email)).isZero();

        Answer nulInEmail = post("/api/v1/registrations", json(registrationFields(email.replace("@", "\u0000@"))));
        assertThat(nulInEmail.fieldCodes()).containsExactly("email:FORBIDDEN_CHARACTER");

        confirmedAccount(email);
        Answer session = post("/api/v1/sessions", json(Map.of("email", email, "password", PASSWORD + "\u0000")));
        assertThat(session.status()).isEqualTo(400);
        assertThat(session.fieldCodes()).containsExactly("password:FORBIDDEN_CHARACTER");
        Answer questionMark = post("/api/v1/sessions", json(Map.of("email", email, "password", "Stethoscope2024LONE"))
                .replace("LONE", "\\udc00"));
        assertThat(questionMark.status()).isEqualTo(400);
    }

    @Test
    void looselyTypedOrIncompleteProfilesAreRefused() {
        String email = uniqueEmail("typing");
        confirmedAccount(email);
        String token = accessToken(email);

        Map<String, Object> numericRegion = nationalIdProfile();
        withField(numericRegion, "address.region", 76);
        assertThat(put(PROFILE, json(numericRegion), token).fieldCodes()).containsExactly("address.region:INVALID_VALUE");

        assertThat(put(PROFILE, jeanDurandsProfile().withLiberal(null).json(), token).fieldCodes()).containsExactly("liberal:INVALID_VALUE");

        assertThat(put(PROFILE, jeanDurandsProfile().withLiberal("true").json(), token).fieldCodes()).containsExactly("liberal:INVALID_VALUE");

        Map<String, Object> unknownRegion = nationalIdProfile();
        withField(unknownRegion, "address.region", "99");
        assertThat(put(PROFILE, json(unknownRegion), token).fieldCodes()).containsExactly("address.region:UNKNOWN_REGION");

        Answer noStructure = put(PROFILE, ProfileSubmissions.finess("310000013").withOrganisationName("  ").json(), token);
        assertThat(noStructure.fieldCodes()).containsExactly("organisationName:STRUCTURE_NAME_REQUIRED");
        assertThat(noStructure.body()).contains("raison sociale");

        assertThat(me(token).path("status").asString()).isEqualTo("EMAIL_CONFIRMED");
        Map<String, Object> overseas = nationalIdProfile();
        withField(overseas, "address.region", "04");
        assertThat(put(PROFILE, json(overseas), token).status()).isEqualTo(202);
    }

    @SuppressWarnings("unchecked")
    private static void withField(Map<String, Object> profile, String path, Object value) {
        if (path.startsWith("address.")) {
            ((Map<String, Object>) profile.get("address")).put(path.substring("address.".length()), value);
        } else {
            profile.put(path, value);
        }
    }
}
