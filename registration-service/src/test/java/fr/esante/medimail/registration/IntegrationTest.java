package fr.esante.medimail.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.embedded.EmbeddedInfrastructureInitializer;
import fr.esante.medimail.embedded.KafkaTestClient;
import fr.esante.medimail.schemas.Topic;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.schemas.serde.AvroSerializer;
import fr.esante.medimail.support.secrets.SecretTokens;
import fr.esante.medimail.testsupport.TestHttpClient;
import fr.esante.medimail.testsupport.payloads.ProfileSubmissions;
import fr.esante.medimail.testsupport.payloads.Registrations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service on the shared embedded infrastructure (one Spring context for every integration test class),
 * driven like a client would: HTTP on its port, Avro records on Kafka. Every test uses its own e-mail addresses.
 */
@SpringBootTest(classes = {RegistrationApplication.class, ShiftableClock.Configuration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Trusts X-Forwarded-For from loopback, so that a test can play a client address of its own (per-address limits).
        properties = {"spring.config.name=registration-service", "server.forward-headers-strategy=native",
                // Low per-address limits, so that tests reach them quickly (each test plays its own client address).
                "medimail.sign-in-protection.client-failure-limit=20", "medimail.sign-in-protection.client-mail-limit=10"})
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
public abstract class IntegrationTest {

    protected static final Map<String, String> SERDE = Map.of("schema.registry.url", "mock://medimail");
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final String PASSWORD = "Stethoscope2024";
    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected SecretTokens secrets;
    @Autowired
    protected ShiftableClock clock;
    @Value("${local.server.port}")
    int port;

    /** This test's client address (JUnit makes one instance per test), so per-address limits never leak between tests. */
    protected final String client = uniqueClient();
    protected final KafkaTestClient kafka = new KafkaTestClient(EmbeddedInfrastructure.shared().kafkaBootstrapServers());
    private TestHttpClient http;
    private final AvroSerializer serializer = new AvroSerializer();

    {
        serializer.configure(SERDE, false);
    }

    // ---------------------------------------------------------------- HTTP

    protected record Answer(int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The problem's {@code errors} as "field:CODE" strings. */
        public java.util.List<String> fieldCodes() {
            java.util.List<String> codes = new java.util.ArrayList<>();
            json().path("errors").forEach(e -> codes.add(e.path("field").asString() + ":" + e.path("code").asString()));
            return codes;
        }
    }

    /** A request from the client address {@code client} (as a reverse proxy would tell it). */
    protected Answer postFrom(String client, String path, String body) {
        return send(request(path, null).setHeader("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected Answer delete(String path, String accessToken) {
        return send(request(path, accessToken).DELETE());
    }

    protected Answer post(String path, String body, String accessToken) {
        return send(request(path, accessToken).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A client address of its own for one test (per-address limits). */
    protected static String uniqueClient() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    protected Answer post(String path, String body) {
        return send(request(path, null).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected Answer put(String path, String body, String accessToken) {
        return send(request(path, accessToken).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected Answer get(String path, String accessToken) {
        return send(request(path, accessToken).GET());
    }

    protected HttpRequest.Builder request(String path, String accessToken) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json, application/problem+json, text/html");
        headers.put("X-Forwarded-For", client);
        if (accessToken != null) {
            headers.putAll(TestHttpClient.bearer(accessToken));
        }
        return http().request(path, headers);
    }

    protected Answer send(HttpRequest.Builder request) {
        TestHttpClient.Answer answer = http().send(request);
        return new Answer(answer.status(), answer.body(), answer.headers());
    }

    /** test-support's client on this test's server (the port is known once Spring has injected it). */
    private TestHttpClient http() {
        if (http == null) {
            http = TestHttpClient.onPort(port);
        }
        return http;
    }

    protected static String json(Map<String, ?> fields) {
        return JSON.writeValueAsString(fields);
    }

    // ---------------------------------------------------------------- registration steps

    protected static String uniqueEmail(String who) {
        return Registrations.uniqueEmail(who);
    }

    /** Jean DURAND's registration form with this address and the password {@link #PASSWORD}. */
    protected static Registrations registration(String email) {
        return Registrations.aProfessional().withEmail(email).withPassword(PASSWORD);
    }

    protected static Map<String, Object> registrationFields(String email) {
        return registration(email).fields();
    }

    protected UUID register(String email) {
        Answer answer = post("/api/v1/registrations", json(registrationFields(email)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return UUID.fromString(answer.json().path("registrationId").asString());
    }

    /** Gives the account a confirmation token the test knows (the real one travels sealed on Kafka). */
    protected String knownConfirmationToken(String email) {
        String token = SecretTokens.newToken();
        int updated = jdbc.sql("UPDATE account SET confirmation_token_hash = :hash WHERE email = :email")
                .param("hash", SecretTokens.hash(token)).param("email", email).update();
        assertThat(updated).isEqualTo(1);
        return token;
    }

    protected Answer confirm(String token) {
        return post("/api/v1/email-confirmations", json(Map.of("token", token)));
    }

    protected UUID confirmedAccount(String email) {
        UUID id = register(email);
        Answer confirmed = confirm(knownConfirmationToken(email));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return id;
    }

    protected Answer signIn(String email, String password) {
        return post("/api/v1/sessions", json(Map.of("email", email, "password", password)));
    }

    /**
     * A validated account (profile submitted, then staff validation fed as backoffice-service would publish it);
     * returns its id.
     */
    protected UUID validatedAccount(String email) {
        String token = accountWithSubmittedProfile(email);
        UUID id = UUID.fromString(me(token).path("registrationId").asString());
        feed(Topics.ACCOUNT_VALIDATED, IncomingEvents.accountValidated(id, email).build());
        return id;
    }

    /**
     * As mss-address-service and the back office announce a validation, with an address no other test is given;
     * returns the address.
     */
    protected String validatedWithNewAddress(UUID id, String email) {
        String address = "v." + UUID.randomUUID().toString().substring(0, 8) + "@medecin.oc.mssante.fr";
        feed(Topics.MSS_ADDRESS_ASSIGNED, IncomingEvents.mssAddressAssigned(id, address).build());
        feed(Topics.ACCOUNT_VALIDATED, IncomingEvents.accountValidated(id, email).setMssAddress(address).build());
        return address;
    }

    /**
     * The one-time code of the challenge (or resend) answered with {@code expiresAt}, opened from the sealed event on
     * Kafka as notification-service would.
     */
    protected String oneTimeCode(UUID accountId, Answer challenge) {
        assertThat(challenge.status()).as(challenge.body()).isEqualTo(202);
        Instant expiresAt = Instant.parse(challenge.json().path("expiresAt").asString()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var topic = fr.esante.medimail.schemas.Topics.ONE_TIME_CODE_REQUESTED;
        var records = kafka.awaitRecords(topic.name(), r -> accountId.toString().equals(r.key())
                && topic.valueDeserializer(SERDE).deserialize(topic.name(), r.value()).getExpiresAt().equals(expiresAt), PATIENCE);
        return secrets.open(topic.valueDeserializer(SERDE).deserialize(topic.name(), records.get(0).value()).getSealedCode());
    }

    protected Answer submitCode(Answer challenge, String code) {
        return post("/api/v1/sessions/otp", json(Map.of("challengeId", challenge.json().path("challengeId").asString(), "code", code)));
    }

    /** Password, then the e-mailed code: a validated account's full session token (terms not accepted yet). */
    protected String fullAccessToken(String email, UUID accountId) {
        Answer challenge = signIn(email, PASSWORD);
        Answer session = submitCode(challenge, oneTimeCode(accountId, challenge));
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        return session.json().path("accessToken").asString();
    }

    /** Password, code and the current terms accepted: what a validated account signs in with to use its account. */
    protected String signedInAfterValidation(String email, UUID accountId) {
        String token = fullAccessToken(email, accountId);
        String version = get("/api/v1/terms", null).json().path("version").asString();
        assertThat(post("/api/v1/me/terms-acceptance", json(Map.of("version", version)), token).status()).isEqualTo(204);
        return token;
    }

    protected String accessToken(String email) {
        Answer answer = signIn(email, PASSWORD);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("accessToken").asString();
    }

    protected JsonNode me(String accessToken) {
        Answer answer = get("/api/v1/me", accessToken);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Jean DURAND's profile, his RPPS typed with spaces around it (the service trims them). */
    protected static ProfileSubmissions jeanDurandsProfile() {
        return ProfileSubmissions.rpps(" 99800000012 ");
    }

    protected static Map<String, Object> nationalIdProfile() {
        return jeanDurandsProfile().fields();
    }

    /** A confirmed account whose profile was submitted (IDENTITY_CHECK_PENDING); returns its access token. */
    protected String accountWithSubmittedProfile(String email) {
        confirmedAccount(email);
        String token = accessToken(email);
        Answer submitted = put("/api/v1/me/professional-profile", json(nationalIdProfile()), token);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        return token;
    }

    protected Integer accountsWithEmail(String email) {
        return jdbc.sql("SELECT count(*) FROM account WHERE email = :email").param("email", email).query(Integer.class).single();
    }

    /** As if the mails granted to this address had been sent {@code ago} earlier (the allowance counts from then). */
    protected void mailAllowanceAgesBy(String email, Duration ago) {
        jdbc.sql("""
                        UPDATE mail_allowance SET last_granted_at = last_granted_at - make_interval(secs => :secs),
                            window_started_at = window_started_at - make_interval(secs => :secs)
                        WHERE recipient = :email""")
                .param("secs", ago.toSeconds()).param("email", email.toLowerCase(java.util.Locale.ROOT)).update();
    }

    /** Events are Avro binary in the outbox: strings appear as their UTF-8 bytes. */
    protected Integer outboxEventsMentioning(String text) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE position(convert_to(:text, 'UTF8') IN payload) > 0")
                .param("text", text).query(Integer.class).single();
    }

    // ---------------------------------------------------------------- Kafka

    /** The first record of the topic about this account, decoded with the topic's own serde. */
    protected <V extends SpecificRecord> V awaitEvent(Topic<V> topic, UUID accountId) {
        var records = kafka.awaitRecords(topic.name(), r -> accountId.toString().equals(r.key()), PATIENCE);
        return topic.valueDeserializer(SERDE).deserialize(topic.name(), records.get(0).value());
    }

    /** Sends an event as its producer would, and waits until this service has handled it. */
    protected <V extends SpecificRecord> void feed(Topic<V> topic, UUID accountId, UUID eventId, V event) {
        kafka.send(topic.name(), accountId.toString(), serializer.serialize(topic.name(), event));
        await().atMost(PATIENCE).until(() -> jdbc.sql(
                        "SELECT count(*) FROM processed_event WHERE consumer = 'registration-service' AND event_id = :id")
                .param("id", eventId).query(Integer.class).single() == 1);
    }

    /** {@link #feed(Topic, UUID, UUID, SpecificRecord)} keyed and awaited by the event's own account and event ids. */
    protected <V extends SpecificRecord> void feed(Topic<V> topic, V event) {
        GenericRecord record = (GenericRecord) event;
        feed(topic, (UUID) record.get("accountId"), (UUID) record.get("eventId"), event);
    }

    /** How many events of the topic the service recorded for the account (outbox rows, published or not). */
    protected int eventsFor(Topic<?> topic, UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = :topic AND record_key = :key")
                .param("topic", topic.name()).param("key", accountId.toString()).query(Integer.class).single();
    }

    @org.junit.jupiter.api.AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    protected static Instant now() {
        return Instant.now();
    }
}
