package fr.esante.medimail.schemas.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.events.EmailConfirmed;

/** The HTTP client against stubs that answer as Confluent's documented REST API does. */
class HttpSchemaRegistryClientTest {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SUBJECT = "medimail.account-validated.v1-value";
    static final Schema SCHEMA = AccountValidated.getClassSchema();
    static final int MAX_ATTEMPTS = 3;

    @RegisterExtension
    static WireMockExtension registry = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final HttpSchemaRegistryClient client =
            new HttpSchemaRegistryClient(registry.baseUrl() + "/", Duration.ofSeconds(2), MAX_ATTEMPTS, Duration.ofMillis(10));

    static ResponseDefinitionBuilder ok(Object body) {
        return json(200, body);
    }

    static ResponseDefinitionBuilder json(int status, Object body) {
        try {
            return aResponse().withStatus(status).withHeader("Content-Type", CONTENT_TYPE)
                    .withBody(JSON.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ResponseDefinitionBuilder error(int status, int errorCode, String message) {
        return json(status, Map.of("error_code", errorCode, "message", message));
    }

    static Schema schemaSent(LoggedRequest request) throws Exception {
        JsonNode body = JSON.readTree(request.getBodyAsString());
        assertThat(body.get("schema").isTextual()).as("the schema travels as a JSON string").isTrue();
        assertThat(body.has("schemaType")).as("schemaType absent means AVRO").isFalse();
        return new Schema.Parser().parse(body.get("schema").asText());
    }

    @Test
    void registerPostsTheSchemaAsAStringAndReturnsTheGlobalId() throws Exception {
        registry.stubFor(post("/subjects/" + SUBJECT + "/versions").willReturn(ok(Map.of("id", 42))));

        assertThat(client.register(SUBJECT, SCHEMA)).isEqualTo(42);

        registry.verify(1, postRequestedFor(urlEqualTo("/subjects/" + SUBJECT + "/versions"))
                .withHeader("Content-Type", equalTo(CONTENT_TYPE)));
        assertThat(schemaSent(registry.getAllServeEvents().get(0).getRequest())).isEqualTo(SCHEMA);
    }

    @Test
    void lookUpReturnsTheIdOfAnAlreadyRegisteredSchema() throws Exception {
        registry.stubFor(post("/subjects/" + SUBJECT).willReturn(ok(Map.of(
                "subject", SUBJECT, "id", 7, "version", 3, "schema", SCHEMA.toString()))));

        assertThat(client.lookUp(SUBJECT, SCHEMA)).isEqualTo(7);

        assertThat(schemaSent(registry.getAllServeEvents().get(0).getRequest())).isEqualTo(SCHEMA);
    }

    @ParameterizedTest
    @CsvSource({"40401, Subject 'medimail.account-validated.v1-value' not found.", "40403, Schema not found"})
    void lookUpOfAnUnknownSubjectOrSchemaIsNotFoundAtOnce(int errorCode, String message) {
        registry.stubFor(post("/subjects/" + SUBJECT).willReturn(error(404, errorCode, message)));

        assertThatThrownBy(() -> client.lookUp(SUBJECT, SCHEMA))
                .isInstanceOfSatisfying(SchemaRegistryException.NotFound.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(errorCode);
                    assertThat(e.isTransient()).isFalse();
                })
                .hasMessageContaining(message).hasMessageContaining("POST /subjects/" + SUBJECT);
        registry.verify(1, postRequestedFor(urlEqualTo("/subjects/" + SUBJECT)));
    }

    @Test
    void schemaByIdParsesTheSchemaString() {
        registry.stubFor(get("/schemas/ids/12").willReturn(ok(Map.of("schema", EmailConfirmed.getClassSchema().toString()))));

        assertThat(client.schemaById(12)).isEqualTo(EmailConfirmed.getClassSchema());
    }

    @Test
    void anUnknownSchemaIdIsNotFoundAndNotRetried() {
        registry.stubFor(get("/schemas/ids/404040").willReturn(error(404, 40403, "Schema not found")));

        assertThatThrownBy(() -> client.schemaById(404040))
                .isInstanceOfSatisfying(SchemaRegistryException.NotFound.class, e -> assertThat(e.errorCode()).isEqualTo(40403))
                .hasMessageContaining("Schema not found");
        registry.verify(1, getRequestedFor(urlEqualTo("/schemas/ids/404040")));
    }

    @Test
    void latestReturnsSubjectIdVersionAndSchema() {
        registry.stubFor(get("/subjects/" + SUBJECT + "/versions/latest").willReturn(ok(Map.of(
                "subject", SUBJECT, "id", 31, "version", 4, "schema", SCHEMA.toString()))));

        SchemaRegistryClient.RegisteredSchema latest = client.latest(SUBJECT);

        assertThat(latest.subject()).isEqualTo(SUBJECT);
        assertThat(latest.id()).isEqualTo(31);
        assertThat(latest.version()).isEqualTo(4);
        assertThat(latest.schema()).isEqualTo(SCHEMA);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void compatibilityCheckAnswersWhatTheRegistrySays(boolean compatible) throws Exception {
        registry.stubFor(post("/compatibility/subjects/" + SUBJECT + "/versions/latest")
                .willReturn(ok(Map.of("is_compatible", compatible))));

        assertThat(client.isCompatibleWithLatest(SUBJECT, SCHEMA)).isEqualTo(compatible);

        assertThat(schemaSent(registry.getAllServeEvents().get(0).getRequest())).isEqualTo(SCHEMA);
    }

    @Test
    void setCompatibilityPutsTheLevel() {
        registry.stubFor(put("/config/" + SUBJECT).willReturn(ok(Map.of("compatibility", "FULL_TRANSITIVE"))));

        client.setCompatibility(SUBJECT, "FULL_TRANSITIVE");

        registry.verify(1, putRequestedFor(urlEqualTo("/config/" + SUBJECT))
                .withHeader("Content-Type", equalTo(CONTENT_TYPE))
                .withRequestBody(equalToJson("{\"compatibility\": \"FULL_TRANSITIVE\"}")));
    }

    @Test
    void anInvalidCompatibilityLevelIsRefused() {
        registry.stubFor(put("/config/" + SUBJECT).willReturn(error(422, 42203, "Invalid compatibility level")));

        assertThatThrownBy(() -> client.setCompatibility(SUBJECT, "SIDEWAYS"))
                .isInstanceOfSatisfying(SchemaRegistryException.InvalidSchema.class, e -> assertThat(e.errorCode()).isEqualTo(42203))
                .hasMessageContaining("Invalid compatibility level");
        registry.verify(1, putRequestedFor(urlEqualTo("/config/" + SUBJECT)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "500, 50001, Error while storing the schema",
            "500, 50002, Operation timed out",
            "500, 50003, Error while forwarding the request to the primary",
            "503, 0,     Service Unavailable",
            "429, 42901, Request rate limit exceeded"})
    void aTransientFailureIsRetriedAndThenSucceeds(int status, int errorCode, String message) {
        String url = "/subjects/" + SUBJECT + "/versions";
        registry.stubFor(post(url).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(status, errorCode, message)).willSetStateTo("recovered"));
        registry.stubFor(post(url).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(ok(Map.of("id", 5))));

        assertThat(client.register(SUBJECT, SCHEMA)).isEqualTo(5);

        registry.verify(2, postRequestedFor(urlEqualTo(url)));
    }

    @Test
    void aRegistryThatKeepsFailingGivesUpAfterTheConfiguredAttempts() {
        registry.stubFor(get("/schemas/ids/3").willReturn(error(500, 50001, "Error in the backend data store")));

        assertThatThrownBy(() -> client.schemaById(3))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("HTTP 500").hasMessageContaining("50001").hasMessageContaining("backend data store")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isTransient()).isTrue());
        registry.verify(MAX_ATTEMPTS, getRequestedFor(urlEqualTo("/schemas/ids/3")));
    }

    @ParameterizedTest(name = "error code {0}")
    @ValueSource(ints = {409, 40901})
    void anIncompatibleSchemaIsRefusedAtOnceWhateverTheCodeVersion(int errorCode) {
        registry.stubFor(post("/subjects/" + SUBJECT + "/versions").willReturn(error(409, errorCode,
                "Schema being registered is incompatible with an earlier schema for subject \"" + SUBJECT + "\"")));

        assertThatThrownBy(() -> client.register(SUBJECT, SCHEMA))
                .isInstanceOfSatisfying(SchemaRegistryException.IncompatibleSchema.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(errorCode);
                })
                .hasMessageContaining("incompatible with an earlier schema");
        registry.verify(1, postRequestedFor(urlEqualTo("/subjects/" + SUBJECT + "/versions")));
    }

    @Test
    void anInvalidSchemaIsRefusedAtOnce() {
        registry.stubFor(post("/subjects/" + SUBJECT + "/versions").willReturn(error(422, 42201, "Invalid schema")));

        assertThatThrownBy(() -> client.register(SUBJECT, SCHEMA))
                .isInstanceOfSatisfying(SchemaRegistryException.InvalidSchema.class, e -> assertThat(e.errorCode()).isEqualTo(42201))
                .hasMessageContaining("Invalid schema");
        registry.verify(1, postRequestedFor(urlEqualTo("/subjects/" + SUBJECT + "/versions")));
    }

    @Test
    void anHtmlErrorPageFromAProxyKeepsItsTextAndIsRetried() {
        String html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";
        registry.stubFor(get("/schemas/ids/9").willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody(html)));

        assertThatThrownBy(() -> client.schemaById(9))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(502);
                    assertThat(e.errorCode()).isZero();
                })
                .hasMessageContaining("HTTP 502").hasMessageContaining("502 Bad Gateway");
        registry.verify(MAX_ATTEMPTS, getRequestedFor(urlEqualTo("/schemas/ids/9")));
    }

    @Test
    void anHtmlNotFoundPageIsStillNotFound() {
        registry.stubFor(get("/schemas/ids/9").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Not Found</body></html>")));

        assertThatThrownBy(() -> client.schemaById(9)).isInstanceOf(SchemaRegistryException.NotFound.class)
                .hasMessageContaining("<html><body>Not Found</body></html>");
        registry.verify(1, getRequestedFor(urlEqualTo("/schemas/ids/9")));
    }

    @Test
    void aSuccessWhoseBodyIsNotTheExpectedJsonFailsAsARegistryError() {
        registry.stubFor(get("/schemas/ids/10").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Welcome to the corporate proxy</body></html>")));
        registry.stubFor(post("/subjects/" + SUBJECT + "/versions").willReturn(ok(Map.of("message", "ok"))));

        assertThatThrownBy(() -> client.schemaById(10)).isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> client.register(SUBJECT, SCHEMA)).isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("\"id\"");
    }

    @Test
    void subjectNamesAreUrlEncodedInThePath() {
        String subject = "médimail events/v1+draft-value";
        String encoded = "m%C3%A9dimail%20events%2Fv1%2Bdraft-value";
        registry.stubFor(post(urlEqualTo("/subjects/" + encoded + "/versions")).willReturn(ok(Map.of("id", 1))));
        registry.stubFor(get(urlEqualTo("/subjects/" + encoded + "/versions/latest")).willReturn(ok(Map.of(
                "subject", subject, "id", 1, "version", 1, "schema", SCHEMA.toString()))));
        registry.stubFor(put(urlEqualTo("/config/" + encoded)).willReturn(ok(Map.of("compatibility", "NONE"))));

        assertThat(client.register(subject, SCHEMA)).isEqualTo(1);
        assertThat(client.latest(subject).subject()).isEqualTo(subject);
        client.setCompatibility(subject, "NONE");

        registry.verify(1, postRequestedFor(urlEqualTo("/subjects/" + encoded + "/versions")));
    }

    @Test
    void anUnreachableRegistryIsTransientAndRetried() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        HttpSchemaRegistryClient unreachable = new HttpSchemaRegistryClient("http://127.0.0.1:" + freePort,
                Duration.ofSeconds(1), 2, Duration.ofMillis(5));

        assertThatThrownBy(() -> unreachable.schemaById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.isTransient()).isTrue();
                })
                .hasMessageContaining("unreachable").hasMessageNotContaining("null");
    }

    @Test
    void aSlowRegistryTimesOutAndIsRetried() {
        registry.stubFor(get("/schemas/ids/11").inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok(Map.of("schema", SCHEMA.toString())).withFixedDelay(3_000)).willSetStateTo("fast"));
        registry.stubFor(get("/schemas/ids/11").inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(ok(Map.of("schema", SCHEMA.toString()))));
        HttpSchemaRegistryClient impatient = new HttpSchemaRegistryClient(registry.baseUrl(), Duration.ofMillis(300), 2,
                Duration.ofMillis(5));

        assertThat(impatient.schemaById(11)).isEqualTo(SCHEMA);

        registry.verify(2, getRequestedFor(urlEqualTo("/schemas/ids/11")));
    }
}
