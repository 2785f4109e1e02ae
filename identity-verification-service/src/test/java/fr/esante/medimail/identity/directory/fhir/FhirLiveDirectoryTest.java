package fr.esante.medimail.identity.directory.fhir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import ca.uhn.fhir.context.FhirContext;
import fr.esante.medimail.identity.directory.DirectoryAnswer;
import fr.esante.medimail.identity.directory.DirectorySource;
import fr.esante.medimail.identity.directory.PractitionerActivity;
import fr.esante.medimail.identity.directory.Professional;
import fr.esante.medimail.identity.identifiers.IdentifierType;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** The live directory client against WireMock stubs shaped like Annuaire Santé API v2 answers. */
class FhirLiveDirectoryTest {

    private static final String PATH = "/fhir/v2/Practitioner";
    private static final String FHIR_JSON = "application/fhir+json;charset=UTF-8";
    private static FhirContext fhir;
    private static WireMockServer server;
    private FhirLiveDirectory live;

    @BeforeAll
    static void start() {
        fhir = FhirContext.forR4();
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        live = directory(settings(2, 17, Duration.ofMillis(500), Duration.ofSeconds(10), 5));
    }

    @AfterEach
    void close() {
        live.close();
    }

    private static LiveDirectorySettings settings(int attempts, int callsPerSecond, Duration permitWait, Duration callTimeout,
                                                  int minimumCalls) {
        return new LiveDirectorySettings(server.baseUrl() + "/fhir/v2", "test-key", Duration.ofSeconds(5), Duration.ofSeconds(10),
                callTimeout, attempts, Duration.ofMillis(20), callsPerSecond, permitWait, 50, minimumCalls, 10, Duration.ofMinutes(1));
    }

    private static FhirLiveDirectory directory(LiveDirectorySettings settings) {
        return new FhirLiveDirectory(fhir, settings);
    }

    private static String resource(String name) {
        try (InputStream in = FhirLiveDirectoryTest.class.getResourceAsStream("/fhir/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(String body) {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", FHIR_JSON).withBody(body)));
    }

    private static void answerStatus(int status) {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", FHIR_JSON)
                .withBody("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"exception\"}]}")));
    }

    private int requests() {
        return server.findAll(getRequestedFor(urlPathEqualTo(PATH))).size();
    }

    @Test
    void a_known_professional_is_found_with_exercise_names_profession_and_specialty() {
        answer(resource("practitioner-durand.json"));

        DirectoryAnswer answer = live.findProfessional(IdentifierType.RPPS, "99800000012");

        assertThat(answer).isInstanceOf(DirectoryAnswer.Found.class);
        DirectoryAnswer.Found found = (DirectoryAnswer.Found) answer;
        assertThat(found.source()).isEqualTo(DirectorySource.LIVE_DIRECTORY);
        assertThat(found.importId()).isNull();
        Professional professional = found.professional();
        assertThat(professional.lastName()).isEqualTo("DURAND");
        assertThat(professional.firstName()).isEqualTo("Jean");
        assertThat(professional.active()).isTrue();
        assertThat(professional.identifier()).isEqualTo("99800000012");
        assertThat(professional.professionCodes()).containsExactly("10");
        assertThat(professional.activities()).extracting(PractitionerActivity::skillCode).containsExactly("SM54");
        assertThat(professional.activities()).extracting(PractitionerActivity::practiceModeCode).containsExactly("L");
        assertThat(professional.activities()).extracting(PractitionerActivity::structureName)
                .containsExactly("CABINET MEDICAL DU DOCTEUR DURAND");
        server.verify(1, getRequestedFor(urlPathEqualTo(PATH))
                .withHeader(FhirLiveDirectory.API_KEY_HEADER, equalTo("test-key"))
                .withQueryParam("identifier", equalTo("899800000012"))
                .withQueryParam("_revinclude", equalTo("PractitionerRole:practitioner")));
        // No /metadata call: one request per look-up counts against ANS's quota.
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void the_implementation_guide_rpps_system_and_an_inactive_flag_are_read() {
        answer(resource("practitioner-inactive-ig-system.json"));

        DirectoryAnswer answer = live.findProfessional(IdentifierType.RPPS, "99800000061");

        assertThat(answer).isInstanceOfSatisfying(DirectoryAnswer.Found.class, found -> {
            assertThat(found.professional().active()).isFalse();
            assertThat(found.professional().lastName()).isEqualTo("Durand");
            assertThat(found.professional().professionCodes()).containsExactly("10");
            assertThat(found.professional().activities()).extracting(PractitionerActivity::skillCode).containsExactly("SM59");
        });
    }

    @Test
    void an_empty_bundle_is_not_found() {
        answer(resource("empty-bundle.json"));

        assertThat(live.findProfessional(IdentifierType.RPPS, "99800000079"))
                .isEqualTo(new DirectoryAnswer.NotFound(DirectorySource.LIVE_DIRECTORY, null));
    }

    @Test
    void a_bundle_about_someone_else_is_not_found() {
        answer(resource("practitioner-durand.json"));

        assertThat(live.findProfessional(IdentifierType.RPPS, "99800000020")).isInstanceOf(DirectoryAnswer.NotFound.class);
    }

    @Test
    void adeli_numbers_are_searched_in_their_national_form() {
        answer(resource("empty-bundle.json"));

        live.findProfessional(IdentifierType.ADELI, "319100012");

        server.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("identifier", equalTo("0319100012")));
    }

    @Test
    void a_server_error_is_retried_once() {
        server.stubFor(get(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        server.stubFor(get(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", FHIR_JSON).withBody(resource("practitioner-durand.json"))));

        assertThat(live.findProfessional(IdentifierType.RPPS, "99800000012")).isInstanceOf(DirectoryAnswer.Found.class);
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void a_persistent_server_error_makes_the_live_directory_unavailable() {
        answerStatus(500);

        DirectoryAnswer answer = live.findProfessional(IdentifierType.RPPS, "99800000012");

        assertThat(answer).isInstanceOfSatisfying(DirectoryAnswer.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).isEqualTo("HTTP 500"));
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void a_refused_api_key_is_not_retried() {
        answerStatus(401);

        assertThat(live.findProfessional(IdentifierType.RPPS, "99800000012")).isInstanceOfSatisfying(DirectoryAnswer.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).isEqualTo("HTTP 401 (API key refused)"));
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void too_many_requests_is_retried() {
        answerStatus(429);

        assertThat(live.findProfessional(IdentifierType.RPPS, "99800000012")).isInstanceOf(DirectoryAnswer.Unavailable.class);
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void a_slow_answer_times_out() {
        live.close();
        live = directory(settings(1, 17, Duration.ofMillis(500), Duration.ofMillis(300), 5));
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(1500)
                .withHeader("Content-Type", FHIR_JSON).withBody(resource("practitioner-durand.json"))));

        long started = System.nanoTime();
        DirectoryAnswer answer = live.findProfessional(IdentifierType.RPPS, "99800000012");

        assertThat(answer).isInstanceOfSatisfying(DirectoryAnswer.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).startsWith("timeout"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1200));
    }

    @Test
    void a_dropped_connection_is_unavailable() {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(live.findProfessional(IdentifierType.RPPS, "99800000012")).isInstanceOfSatisfying(DirectoryAnswer.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).startsWith("connection failed"));
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void a_server_that_does_not_listen_is_unavailable() {
        live.close();
        live = new FhirLiveDirectory(fhir, new LiveDirectorySettings("http://127.0.0.1:9/fhir/v2", "k", Duration.ofMillis(300),
                Duration.ofMillis(300), Duration.ofSeconds(2), 1, Duration.ofMillis(10), 17, Duration.ofMillis(100), 50, 5, 10,
                Duration.ofMinutes(1)));

        assertThat(live.findProfessional(IdentifierType.RPPS, "99800000012")).isInstanceOf(DirectoryAnswer.Unavailable.class);
    }

    @Test
    void a_malformed_body_is_unavailable_and_not_retried() {
        answer("{\"resourceType\": \"Bundle\", \"entry\": [ {\"resource\": ");

        assertThat(live.findProfessional(IdentifierType.RPPS, "99800000012")).isInstanceOfSatisfying(DirectoryAnswer.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).startsWith("malformed response"));
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void an_html_error_page_is_unavailable() {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Maintenance</body></html>")));

        assertThat(live.findProfessional(IdentifierType.RPPS, "99800000012")).isInstanceOfSatisfying(DirectoryAnswer.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains("FHIR"));
    }

    @Test
    void another_resource_type_is_unavailable() {
        answer("{\"resourceType\": \"OperationOutcome\", \"issue\": [{\"severity\": \"error\", \"code\": \"processing\"}]}");

        assertThat(live.findProfessional(IdentifierType.RPPS, "99800000012")).isInstanceOf(DirectoryAnswer.Unavailable.class);
    }

    @Test
    void the_circuit_opens_after_repeated_failures_and_stops_calling() {
        live.close();
        live = directory(settings(1, 17, Duration.ofMillis(500), Duration.ofSeconds(10), 4));
        answerStatus(503);

        for (int i = 0; i < 4; i++) {
            live.findProfessional(IdentifierType.RPPS, "99800000012");
        }
        assertThat(live.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        DirectoryAnswer answer = live.findProfessional(IdentifierType.RPPS, "99800000012");

        assertThat(answer).isInstanceOfSatisfying(DirectoryAnswer.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains("circuit breaker open"));
        assertThat(requests()).isEqualTo(4);
    }

    @Test
    void calls_beyond_the_rate_limit_are_not_sent() {
        live.close();
        live = directory(settings(1, 3, Duration.ZERO, Duration.ofSeconds(10), 4));
        answer(resource("empty-bundle.json"));

        int refused = 0;
        for (int i = 0; i < 10; i++) {
            if (live.findProfessional(IdentifierType.RPPS, "99800000079") instanceof DirectoryAnswer.Unavailable unavailable) {
                assertThat(unavailable.reason()).contains("rate limit");
                refused++;
            }
        }
        // Ten calls take far less than two seconds: at most two periods of three permits.
        assertThat(requests()).isBetween(3, 6);
        assertThat(refused).isEqualTo(10 - requests());
        // Our own throttling is no sign of trouble at ANS: the breaker stays closed.
        assertThat(live.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void the_rate_limit_is_capped_at_ansss_seventeen_calls_per_second() {
        assertThat(LiveDirectorySettings.of("http://x", "k").callsPerSecond()).isEqualTo(17);
        assertThat(new LiveDirectorySettings("http://x", "k", null, null, null, 0, null, 50, null, 0, 0, 0, null).callsPerSecond())
                .isEqualTo(17);
        assertThat(LiveDirectorySettings.of(null, "k").configured()).isFalse();
        assertThat(LiveDirectorySettings.of("http://x", " ").configured()).isFalse();
    }
}
