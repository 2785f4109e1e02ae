package fr.esante.medimail.registration.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.registration.IntegrationTest;
import fr.esante.medimail.schemas.Topics;
import tools.jackson.databind.JsonNode;

class ProfileIT extends IntegrationTest {

    private static final String PROFILE = "/api/v1/me/professional-profile";

    @Test
    void aSubmittedProfileStartsTheIdentityCheckAndIsPublished() {
        String email = uniqueEmail("jean.durand");
        UUID id = confirmedAccount(email);
        String token = accessToken(email);

        Answer answer = put(PROFILE, json(nationalIdProfile()), token);

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.body()).isEqualTo("{\"status\":\"IDENTITY_CHECK_PENDING\"}");
        ProfessionalProfileSubmitted event = awaitEvent(Topics.PROFESSIONAL_PROFILE_SUBMITTED, id);
        assertThat(event.getLastName()).isEqualTo("DURAND");
        assertThat(event.getFirstName()).isEqualTo("Jean");
        assertThat(event.getEmail()).isEqualTo(email);
        assertThat(event.getPath()).isEqualTo("NATIONAL_ID");
        assertThat(event.getIdentifierType()).isEqualTo("RPPS");
        assertThat(event.getIdentifier()).isEqualTo("99800000012");
        assertThat(event.getProfession()).isEqualTo("10");
        assertThat(event.getProfessionLabel()).as("the other services show it, keeping no nomenclature of their own")
                .isEqualTo("Médecin");
        assertThat(event.getSpecialty()).isEqualTo("SM54");
        assertThat(event.getLiberal()).isTrue();
        assertThat(event.getPhone()).isEqualTo("0561000000");
        assertThat(event.getSecondPhone()).isNull();
        assertThat(event.getAddress().getPostalCode()).isEqualTo("31400");
        assertThat(event.getAddress().getCity()).isEqualTo("Toulouse");
        assertThat(event.getAddress().getRegion()).isEqualTo("76");
        assertThat(event.getAddress().getDepartment()).isEqualTo("31");
        assertThat(event.getOrganisationName()).isEqualTo("Cabinet médical");
        assertThat(event.getDirectoryVisible()).isTrue();
        assertThat(event.getPaperless()).isTrue();

        JsonNode me = me(token);
        assertThat(me.path("status").asString()).isEqualTo("IDENTITY_CHECK_PENDING");
        assertThat(me.path("profile").path("identifier").asString()).isEqualTo("99800000012");
        assertThat(me.path("profile").path("address").path("city").asString()).isEqualTo("Toulouse");

        Answer again = put(PROFILE, json(nationalIdProfile()), token);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asString()).isEqualTo("PROFILE_SUBMISSION_NOT_ALLOWED");
    }

    @Test
    void aSpecialtyMustBeOneOfTheChosenProfessionsInTheNomenclature() {
        String email = uniqueEmail("specialite");
        UUID id = confirmedAccount(email);
        String token = accessToken(email);
        for (String wrong : new String[] {"SI07", "SM99"}) {
            Map<String, Object> profile = new LinkedHashMap<>(nationalIdProfile());
            profile.put("specialty", wrong);
            Answer refused = put(PROFILE, json(profile), token);
            assertThat(refused.status()).as(wrong + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.fieldCodes()).containsExactly("specialty:UNKNOWN_SPECIALTY");
            assertThat(refused.body()).contains("choisissez-la dans la liste");
        }
        assertThat(me(token).path("status").asString()).as("nothing submitted").isEqualTo("EMAIL_CONFIRMED");
        assertThat(eventsFor(Topics.PROFESSIONAL_PROFILE_SUBMITTED, id)).isZero();

        Map<String, Object> cardiologist = new LinkedHashMap<>(nationalIdProfile());
        cardiologist.put("specialty", "SM04");
        assertThat(put(PROFILE, json(cardiologist), token).status()).isEqualTo(202);
    }

    @Test
    void aForeignOrInTrainingProfessionalDeclaresTheirStructure() {
        String email = uniqueEmail("interne");
        UUID id = confirmedAccount(email);
        Map<String, Object> profile = nationalIdProfile();
        profile.put("path", "FOREIGN_OR_IN_TRAINING");
        profile.put("identifierType", "FINESS");
        profile.put("identifier", "310000013");
        profile.put("liberal", false);
        profile.put("phone", "+33 6 12 34 56 78");
        profile.put("directoryVisible", false);
        profile.put("paperless", false);

        assertThat(put(PROFILE, json(profile), accessToken(email)).status()).isEqualTo(202);

        ProfessionalProfileSubmitted event = awaitEvent(Topics.PROFESSIONAL_PROFILE_SUBMITTED, id);
        assertThat(event.getPath()).isEqualTo("FOREIGN_OR_IN_TRAINING");
        assertThat(event.getIdentifierType()).isEqualTo("FINESS");
        assertThat(event.getPhone()).isEqualTo("0612345678");
        assertThat(event.getDirectoryVisible()).isFalse();
        assertThat(event.getPaperless()).isFalse();
    }

    @Test
    void invalidProfilesAreRefusedFieldByFieldAndChangeNothing() {
        String email = uniqueEmail("maladroit");
        confirmedAccount(email);
        String token = accessToken(email);

        Map<String, Object> profile = nationalIdProfile();
        profile.put("identifierType", "FINESS");
        profile.put("identifier", "");
        profile.put("profession", "99");
        profile.put("phone", "12345");
        profile.put("secondPhone", "06 12 34 56 7");
        @SuppressWarnings("unchecked")
        Map<String, Object> address = new LinkedHashMap<>((Map<String, Object>) profile.get("address"));
        address.put("postalCode", "3140");
        address.remove("city");
        profile.put("address", address);
        Answer answer = put(PROFILE, json(profile), token);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.fieldCodes()).containsExactlyInAnyOrder("identifierType:IDENTIFIER_TYPE_MISMATCH",
                "identifier:REQUIRED", "profession:UNKNOWN_PROFESSION", "phone:INVALID_FORMAT",
                "secondPhone:INVALID_FORMAT", "address.postalCode:INVALID_FORMAT", "address.city:REQUIRED");
        assertThat(answer.body()).contains("RPPS ou ADELI", "5 chiffres");

        Map<String, Object> unknownEnum = nationalIdProfile();
        unknownEnum.put("path", "PASSEPORT");
        Answer enumAnswer = put(PROFILE, json(unknownEnum), token);
        assertThat(enumAnswer.status()).isEqualTo(400);
        assertThat(enumAnswer.fieldCodes()).containsExactly("path:INVALID_VALUE");

        Map<String, Object> foreignWithRpps = nationalIdProfile();
        foreignWithRpps.put("path", "FOREIGN_OR_IN_TRAINING");
        assertThat(put(PROFILE, json(foreignWithRpps), token).fieldCodes()).containsExactly("identifierType:IDENTIFIER_TYPE_MISMATCH");

        assertThat(me(token).path("status").asString()).isEqualTo("EMAIL_CONFIRMED");
    }
}
