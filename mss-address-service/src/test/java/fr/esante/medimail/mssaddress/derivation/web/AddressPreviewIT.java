package fr.esante.medimail.mssaddress.derivation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponentsBuilder;

import fr.esante.medimail.mssaddress.MssAddressServiceTest;
import fr.esante.medimail.mssaddress.assignment.AddressAssignment;
import fr.esante.medimail.mssaddress.assignment.AssignmentRequest;
import fr.esante.medimail.mssaddress.assignment.MailboxType;
import fr.esante.medimail.testsupport.TestHttpClient;
import fr.esante.medimail.testsupport.TestHttpClient.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/v1/mss-addresses/preview over HTTP, and the health endpoint. */
@MssAddressServiceTest
class AddressPreviewIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;
    @Autowired
    AddressAssignment assignment;
    @Autowired
    JdbcClient jdbc;

    @Test
    void previewsTheAddressOfAProfessional() throws Exception {
        Answer response = preview("Marie-Hélène", "DUPONT-MARTIN", "21");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("localPart").asString()).isEqualTo("marie-helene.dupont-martin");
        assertThat(body.get("domain").asString()).isEqualTo("pharmacien.oc.mssante.fr");
        assertThat(body.get("address").asString()).isEqualTo("marie-helene.dupont-martin@pharmacien.oc.mssante.fr");
        assertThat(body.properties()).hasSize(3);
    }

    @Test
    void previewsWithoutReservingAndWithoutSuffixEvenWhenTheAddressIsTaken() throws Exception {
        String lastName = "D'Arcy-" + letters();
        String expected = "elodie.darcy-" + lastName.substring("D'Arcy-".length()) + "@masseur-kinesitherapeute.oc.mssante.fr";

        assertThat(JSON.readTree(preview("Élodie", lastName, "70").body()).get("address").asString()).isEqualTo(expected);
        assertThat(jdbc.sql("SELECT count(*) FROM issued_address WHERE address = :a").param("a", expected)
                .query(Integer.class).single()).as("a preview reserves nothing").isZero();

        assignment.assign(new AssignmentRequest(UUID.randomUUID(), "Élodie", lastName, "70", MailboxType.PER));
        assertThat(JSON.readTree(preview("Élodie", lastName, "70").body()).get("address").asString()).isEqualTo(expected);
    }

    @Test
    void answersAnUnknownProfessionWithAProblemInFrench() throws Exception {
        Answer response = preview("Jean", "Durand", "93");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("code").asString()).isEqualTo("UNKNOWN_PROFESSION");
        assertThat(problem.get("title").asString()).isEqualTo("Profession inconnue");
        assertThat(problem.get("detail").asString())
                .isEqualTo("Ce code profession ne correspond à aucune profession de santé ouvrant droit à une adresse MSSanté.");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("profession");
    }

    @Test
    void answersANameWithoutRepresentableLetterWithItsCode() throws Exception {
        Answer response = preview("Jean", "李", "10");

        assertThat(response.status()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("NAME_NOT_REPRESENTABLE");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("lastName");
        assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("NAME_NOT_REPRESENTABLE");
        assertThat(problem.get("detail").asString()).startsWith("Le nom ne contient").doesNotContain("李");
    }

    @Test
    void neverEchoesItsInputAndRefusesControlCharacters() throws Exception {
        String typed = "Z".repeat(150) + "9";
        Answer unknown = preview("Jean", "Durand", typed);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).doesNotContain(typed);

        Answer nul = get("/api/v1/mss-addresses/preview?firstName=Jean&lastName=Du%00rand&profession=10");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(nul.body());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("lastName");
        assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("FORBIDDEN_CHARACTER");
    }

    @Test
    void listsEveryMissingParameterAsAFieldError() throws Exception {
        Answer response = get("/api/v1/mss-addresses/preview?lastName=");

        assertThat(response.status()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString() + ":" + e.get("code").asString()))
                .containsExactlyInAnyOrder("firstName:REQUIRED", "lastName:REQUIRED", "profession:REQUIRED");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("message").asString()))
                .contains("Le prénom est obligatoire.", "Le nom est obligatoire.");
    }

    @Test
    void reportsItselfUp() throws Exception {
        Answer response = get("/actuator/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("status").asString()).isEqualTo("UP");
    }

    private Answer preview(String firstName, String lastName, String profession) {
        String path = UriComponentsBuilder.fromPath("/api/v1/mss-addresses/preview")
                .queryParam("firstName", firstName).queryParam("lastName", lastName).queryParam("profession", profession)
                .encode().build().toUriString();
        return get(path);
    }

    private Answer get(String path) {
        return TestHttpClient.onPort(port).get(path, Map.of());
    }

    private static String letters() {
        return ThreadLocalRandom.current().ints(10, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
