package fr.esante.medimail.registration.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.registration.IntegrationTest;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.testsupport.payloads.ProfileSubmissions;
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
            Answer refused = put(PROFILE, jeanDurandsProfile().withSpecialty(wrong).json(), token);
            assertThat(refused.status()).as(wrong + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.fieldCodes()).containsExactly("specialty:UNKNOWN_SPECIALTY");
            assertThat(refused.body()).contains("choisissez-la dans la liste");
        }
        assertThat(me(token).path("status").asString()).as("nothing submitted").isEqualTo("EMAIL_CONFIRMED");
        assertThat(eventsFor(Topics.PROFESSIONAL_PROFILE_SUBMITTED, id)).isZero();

        assertThat(put(PROFILE, jeanDurandsProfile().withSpecialty("SM04").json(), token).status()).isEqualTo(202);
    }

    @Test
    void aForeignOrInTrainingProfessionalDeclaresTheirStructure() {
        String email = uniqueEmail("interne");
        UUID id = confirmedAccount(email);
        String profile = ProfileSubmissions.finess("310000013").withLiberal(false).withPhone("+33 6 12 34 56 78")
                .withDirectoryVisible(false).withPaperless(false).json();

        assertThat(put(PROFILE, profile, accessToken(email)).status()).isEqualTo(202);

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

        String profile = jeanDurandsProfile().withIdentifierType("FINESS").withIdentifier("").withProfession("99")
                .withPhone("12345").withSecondPhone("06 12 34 56 7").withAddressField("postalCode", "3140")
                .withAddressField("city", null).json();
        Answer answer = put(PROFILE, profile, token);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.fieldCodes()).containsExactlyInAnyOrder("identifierType:IDENTIFIER_TYPE_MISMATCH",
                "identifier:REQUIRED", "profession:UNKNOWN_PROFESSION", "phone:INVALID_FORMAT",
                "secondPhone:INVALID_FORMAT", "address.postalCode:INVALID_FORMAT", "address.city:REQUIRED");
        assertThat(answer.body()).contains("RPPS ou ADELI", "5 chiffres");

        Answer enumAnswer = put(PROFILE, jeanDurandsProfile().withPath("PASSEPORT").json(), token);
        assertThat(enumAnswer.status()).isEqualTo(400);
        assertThat(enumAnswer.fieldCodes()).containsExactly("path:INVALID_VALUE");

        assertThat(put(PROFILE, jeanDurandsProfile().withPath("FOREIGN_OR_IN_TRAINING").json(), token).fieldCodes()).containsExactly("identifierType:IDENTIFIER_TYPE_MISMATCH");

        assertThat(me(token).path("status").asString()).isEqualTo("EMAIL_CONFIRMED");
    }
}
