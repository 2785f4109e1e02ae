package fr.esante.medimail.registration.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.registration.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The lists the forms offer come from the API, never typed as codes. */
class ReferenceListsIT extends IntegrationTest {

    @Test
    void professionsAreTheAcceptedTreG15CodesWithTheirSpecialties() {
        Answer answer = get("/api/v1/professions", null);
        assertThat(answer.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        JsonNode doctor = null;
        for (JsonNode profession : answer.json()) {
            codes.add(profession.get("code").asString());
            assertThat(profession.get("label").asString()).isNotBlank();
            if ("10".equals(profession.get("code").asString())) {
                doctor = profession;
            }
        }
        assertThat(codes).as("exactly the codes a profile accepts").hasSize(24).containsExactlyInAnyOrderElementsOf(Professions.activeCodes());
        assertThat(doctor.get("label").asString()).isEqualTo("Médecin");
        assertThat(doctor.get("specialties").toString()).contains("\"code\":\"SM54\"", "\"label\":\"Médecine générale\"",
                "\"code\":\"SM59\"");
        Map<String, Integer> specialtiesPerProfession = new HashMap<>();
        for (JsonNode profession : answer.json()) {
            specialtiesPerProfession.put(profession.get("code").asString(), profession.get("specialties").size());
        }
        assertThat(specialtiesPerProfession).as("the whole active TRE_R38 nomenclature")
                .containsEntry("10", 95).containsEntry("40", 3).containsEntry("60", 8).containsEntry("21", 0);
    }

    @Test
    void regionsSayWhereRegistrationIsOpen() {
        Answer answer = get("/api/v1/regions", null);
        assertThat(answer.status()).isEqualTo(200);
        List<String> served = new ArrayList<>();
        answer.json().forEach(region -> {
            if (region.get("served").asBoolean()) {
                served.add(region.get("label").asString());
            }
        });
        assertThat(answer.json().size()).isEqualTo(18);
        assertThat(served).containsExactly("Occitanie");
    }
}
