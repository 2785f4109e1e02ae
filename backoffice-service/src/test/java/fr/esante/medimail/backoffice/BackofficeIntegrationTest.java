package fr.esante.medimail.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.embedded.EmbeddedInfrastructureInitializer;
import fr.esante.medimail.embedded.KafkaTestClient;
import fr.esante.medimail.schemas.Topic;
import fr.esante.medimail.schemas.serde.AvroSerializer;
import fr.esante.medimail.testsupport.TestHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service on the shared embedded infrastructure (Kafka, PostgreSQL), with two staff accounts: the
 * reviewer {@code agent}/{@code agent} (the local stack's), {@code observateur}, who lacks the role REVIEWER, and the
 * administrator {@code chef} (role ADMIN).
 * Every test uses fresh random applicants: the tables are shared and never emptied.
 */
@SpringBootTest(classes = BackofficeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=backoffice-service",
                "medimail.backoffice.staff[0].username=" + BackofficeIntegrationTest.REVIEWER,
                "medimail.backoffice.staff[0].password-hash=$2a$10$84dA3WPy2mkz465kbik8euZCgDaXvXIXR0DTTJyjrjicwtEtzVclC",
                "medimail.backoffice.staff[0].roles=REVIEWER",
                "medimail.backoffice.staff[1].username=" + BackofficeIntegrationTest.OBSERVER,
                // Argon2id; the reviewer above keeps a BCrypt hash of an earlier version, renewed at login.
                "medimail.backoffice.staff[1].password-hash=$argon2id$v=19$m=7168,t=5,p=1$SEujHUF3ogVTZD/sjUHy5Q$h9JllPuQcOhFpFZXBwKlgo6rGuTSrbDsXjAW2wdVS1g",
                "medimail.backoffice.staff[1].roles=AUDITOR",
                // Two reviewers that the lockout tests lock (so that no other test meets the lock).
                "medimail.backoffice.staff[2].username=" + BackofficeIntegrationTest.LOCKED_API_REVIEWER,
                "medimail.backoffice.staff[2].password-hash=$2a$04$xyJK2AAkOQms1F4u7iOBDeEiwMVKskTfVeVLCBDzYgJY/wTiV1CMG",
                "medimail.backoffice.staff[2].roles=REVIEWER",
                "medimail.backoffice.staff[3].username=" + BackofficeIntegrationTest.LOCKED_PAGE_REVIEWER,
                "medimail.backoffice.staff[3].password-hash=$2a$04$xyJK2AAkOQms1F4u7iOBDeEiwMVKskTfVeVLCBDzYgJY/wTiV1CMG",
                "medimail.backoffice.staff[3].roles=REVIEWER",
                "medimail.backoffice.staff[4].username=" + BackofficeIntegrationTest.ADMIN,
                "medimail.backoffice.staff[4].password-hash=$2a$10$N5Fo193AFn1eeGK0Zkxcseou5R3al6JuC5U5yrD2znQVZK427rgw6",
                "medimail.backoffice.staff[4].roles=ADMIN"})
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
public abstract class BackofficeIntegrationTest {

    protected static final String REVIEWER = "agent";
    protected static final String REVIEWER_PASSWORD = "agent";
    protected static final String OBSERVER = "observateur";
    protected static final String OBSERVER_PASSWORD = "observateur-2026";
    protected static final String LOCKED_API_REVIEWER = "verrou-api";
    protected static final String LOCKED_PAGE_REVIEWER = "verrou-page";
    protected static final String LOCKED_PASSWORD = "Verrou-2026-staff";
    protected static final String ADMIN = "chef";
    protected static final String ADMIN_PASSWORD = "admin-2026";
    protected static final Map<String, String> SERDE = Map.of("schema.registry.url", "mock://medimail");
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    protected int port;

    protected final EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
    protected final KafkaTestClient kafka = new KafkaTestClient(infrastructure.kafkaBootstrapServers());
    private TestHttpClient http;
    private final AvroSerializer serializer = new AvroSerializer();

    {
        serializer.configure(SERDE, false);
    }

    // ---- Kafka

    protected <V extends SpecificRecord> void send(Topic<V> topic, UUID accountId, V event) {
        kafka.send(topic.name(), accountId.toString(), serializer.serialize(topic.name(), event));
    }

    /** Every record of the topic for this account, decoded, once at least one arrived. */
    protected <V extends SpecificRecord> List<V> awaitEvents(Topic<V> topic, UUID accountId) {
        var deserializer = topic.valueDeserializer(SERDE);
        List<ConsumerRecord<String, byte[]>> records = kafka.awaitRecords(topic.name(),
                r -> accountId.toString().equals(r.key()), Duration.ofSeconds(30));
        List<V> events = new ArrayList<>();
        records.forEach(r -> events.add(deserializer.deserialize(topic.name(), r.value())));
        return events;
    }

    // ---- HTTP

    protected record Response(int status, String contentType, String body, HttpHeaders headers) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    protected static Map<String, String> basic(String user, String password) {
        return TestHttpClient.basic(user, password);
    }

    protected static Map<String, String> reviewer() {
        return basic(REVIEWER, REVIEWER_PASSWORD);
    }

    protected static Map<String, String> admin() {
        return basic(ADMIN, ADMIN_PASSWORD);
    }

    protected Response get(String path, Map<String, String> headers) {
        return send(http().request(path, headers).GET());
    }

    protected Response post(String path, String json, Map<String, String> headers) {
        return send(http().request(path, headers).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    protected Response send(HttpRequest.Builder request) {
        return response(http().send(request));
    }

    protected static Response response(TestHttpClient.Answer answer) {
        return new Response(answer.status(), answer.contentType(), answer.body(), answer.headers());
    }

    /** test-support's client on this test's server (the port is known once Spring has injected it). */
    protected TestHttpClient http() {
        if (http == null) {
            http = TestHttpClient.onPort(port);
        }
        return http;
    }

    protected static String rejection(String reason) {
        return JSON.writeValueAsString(Map.of("reason", reason));
    }

    // ---- Reviews

    /** The review of this account in the list of that status, or null. */
    protected JsonNode reviewOf(UUID accountId, String status) {
        Response response = get("/api/v1/reviews?status=" + status, reviewer());
        if (response.status() != 200) {
            throw new AssertionError("GET reviews: " + response.status() + " " + response.body());
        }
        for (JsonNode review : response.json()) {
            if (accountId.toString().equals(review.get("registrationId").asString())) {
                return review;
            }
        }
        return null;
    }

    protected JsonNode awaitReview(UUID accountId, String status) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> reviewOf(accountId, status), r -> r != null);
    }

    protected List<JsonNode> reviews(String status, Predicate<JsonNode> matching) {
        List<JsonNode> found = new ArrayList<>();
        get("/api/v1/reviews?status=" + status, reviewer()).json().forEach(r -> {
            if (matching.test(r)) {
                found.add(r);
            }
        });
        return found;
    }

    /** Sends the three facts of a complete file, in the usual order, and waits for the pending review. */
    protected JsonNode queued(Applicants.Applicant applicant) {
        applicant.sendAll(this::send);
        return awaitReview(applicant.accountId(), "PENDING");
    }

    /** A complete file queued, then approved by a reviewer (the account is validated); returns the review's id. */
    protected String approved(Applicants.Applicant applicant) {
        String id = queued(applicant).get("id").asString();
        assertThat(post("/api/v1/reviews/" + id + "/approval", null, reviewer()).status()).isEqualTo(200);
        return id;
    }

    /** The staff audit trail about one subject (an account id, "queue", "decisions"…). */
    protected List<JsonNode> audit(String subjectId) {
        Response response = get("/api/v1/audit-records?subjectId=" + subjectId, reviewer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> records = new ArrayList<>();
        response.json().forEach(records::add);
        return records;
    }

    protected List<JsonNode> audit(UUID accountId) {
        return audit(accountId.toString());
    }

    protected static String json(Map<String, ?> body) {
        return JSON.writeValueAsString(new LinkedHashMap<>(body));
    }
}
