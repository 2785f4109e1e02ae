package fr.esante.medimail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.local.EmbeddedPlatformInfrastructure;
import fr.esante.medimail.local.LocalPlatform;
import fr.esante.medimail.local.PlatformServices;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.schemas.registry.SchemaRegistryClients;
import fr.esante.medimail.testsupport.TestHttpClient;
import fr.esante.medimail.testsupport.payloads.ProfileSubmissions;
import fr.esante.medimail.testsupport.payloads.Registrations;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated requests against every public and staff endpoint of the five services: valid requests bent one way at a
 * time (a field dropped, nulled, of the wrong type, huge, holding a control character or a lone surrogate, an unknown
 * field, truncated or deeply nested JSON, random bytes, a wrong media type, a garbage id, method or credential).
 * Never a 5xx; every error a problem document; a registration refused leaves no account, one accepted leaves exactly one.
 * Then corrupt records on every topic a service consumes: each is dead-lettered with its reason, once per consuming
 * service, and the consumers carry on (a registration still goes through afterwards).
 * {@code -Dfuzz.requests=10000 -Dfuzz.records-per-topic=1000} for the long run (defaults 1,000 and 100),
 * {@code -Dfuzz.seed=…} to replay one.
 */
class FuzzIT {

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 1000);
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final int RECORDS_PER_TOPIC = Integer.getInteger("fuzz.records-per-topic", 100);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EmbeddedInfrastructure infrastructure;
    private static PlatformServices platform;
    private static String accessToken;

    @BeforeAll
    static void startPlatform() {
        infrastructure = EmbeddedInfrastructure.shared();
        platform = PlatformServices.start(new EmbeddedPlatformInfrastructure(infrastructure), true, LocalPlatform.localSettings());
        RegistrationJourney holder = new RegistrationJourney(platform, new Mailbox("127.0.0.1", infrastructure.imapPort()), "Jean", "Durand");
        holder.register();
        holder.confirmEmailFromTheLinkInTheMail();
        holder.logIn();
        accessToken = holder.accessToken;
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    /** One endpoint: where, how, a valid body (or none) and the credentials it needs. */
    private record Endpoint(String service, String method, String path, Map<String, Object> body, String authorization) {
    }

    @Test
    void generatedRequestsNeverGetA5xxAndEveryErrorIsAProblemDocument() throws Exception {
        Random random = new Random(SEED);
        TestHttpClient http = TestHttpClient.absoluteUrls();
        String run = Long.toString(SEED & 0xffffff, 36);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Set<String> acceptedEmails = new HashSet<>();
        Set<String> refusedEmails = new HashSet<>();
        long started = System.nanoTime();
        for (int n = 0; n < REQUESTS; n++) {
            Endpoint endpoint = endpoint(random, run + "." + n);
            Mutated request = mutate(endpoint, random);
            Map<String, String> headers = new LinkedHashMap<>();
            if (request.contentType != null) {
                headers.put("Content-Type", request.contentType);
            }
            if (request.authorization != null) {
                headers.put("Authorization", request.authorization);
            }
            TestHttpClient.Answer response;
            try {
                response = http.send(http.request(platform.baseUrl(endpoint.service()) + request.path, headers)
                        .method(request.method, request.body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body)));
            } catch (java.io.UncheckedIOException e) {
                failures.add("#" + n + " " + request.describe() + ": " + e.getCause());
                continue;
            }
            statuses.merge(response.status(), 1, Integer::sum);
            String type = response.contentType();
            if (response.status() >= 500) {
                failures.add("#" + n + " " + request.describe() + ": " + response.status() + " " + abbreviate(response.body()));
            } else if (response.status() >= 400 && !"HEAD".equals(request.method) && !type.startsWith("application/problem+json")) {
                failures.add("#" + n + " " + request.describe() + ": " + response.status() + " as " + type);
            }
            if (request.email != null) {
                (response.status() == 202 ? acceptedEmails : refusedEmails).add(request.email);
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        int accounts = accountsAmong(acceptedEmails);
        int strayAccounts = accountsAmong(refusedEmails);
        System.out.printf("[fuzz] seed %d: %d requests in %d s, statuses %s; %d registrations accepted (%d accounts),"
                        + " %d refused (%d accounts); %d failures%n", SEED, REQUESTS, millis / 1000, statuses,
                acceptedEmails.size(), accounts, refusedEmails.size(), strayAccounts, failures.size());
        assertThat(failures).as("5xx or non-problem errors (seed " + SEED + ")").isEmpty();
        assertThat(accounts).as("every accepted registration has its account").isEqualTo(acceptedEmails.size());
        assertThat(strayAccounts).as("no refused registration left an account").isZero();
    }

    @Test
    void corruptRecordsOnEveryConsumedTopicAreDeadLetteredWithTheirReasonAndConsumersCarryOn() throws Exception {
        Random random = new Random(SEED);
        String prefix = "fuzz-" + Long.toString(SEED & 0xffffff, 36) + "-";
        Map<String, List<String>> groupsByTopic = new TreeMap<>();
        for (PlatformServices.Service service : PlatformServices.SERVICES) {
            for (String topic : ServiceBindingsTest.destinations(service.name())) {
                groupsByTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(service.name());
            }
        }
        long started = System.nanoTime();
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : groupsByTopic.keySet()) {
                int schemaId = schemaIdOf(topic);
                for (int n = 0; n < RECORDS_PER_TOPIC; n++) {
                    producer.send(new ProducerRecord<>(topic, prefix + n, corrupt(random, schemaId)));
                }
            }
            producer.flush();
        }
        int expected = 0;
        List<String> missing = new ArrayList<>();
        long deadLettered = 0;
        for (Map.Entry<String, List<String>> consumed : groupsByTopic.entrySet()) {
            for (String group : consumed.getValue()) {
                expected += RECORDS_PER_TOPIC;
                String deadLetters = "error." + consumed.getKey() + "." + group;
                Map<String, String> reasons = awaitDeadLetters(deadLetters, prefix, RECORDS_PER_TOPIC, Duration.ofMinutes(5));
                deadLettered += reasons.size();
                if (reasons.size() != RECORDS_PER_TOPIC) {
                    missing.add(deadLetters + ": " + reasons.size() + "/" + RECORDS_PER_TOPIC);
                }
                reasons.forEach((key, reason) -> {
                    if (reason == null || reason.isBlank()) {
                        missing.add(deadLetters + " " + key + " without a reason");
                    }
                });
            }
        }
        System.out.printf("[fuzz] seed %d: %d corrupt records on %d topics, %d dead-lettered of %d expected (one per consuming"
                        + " service) in %d s%n", SEED, RECORDS_PER_TOPIC * groupsByTopic.size(), groupsByTopic.size(), deadLettered,
                expected, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        assertThat(missing).as("dead letters missing or without reason").isEmpty();

        // The consumers carried on: a registration still goes from submitted profile to its MSSanté address.
        // An RPPS no other end-to-end test claims: one live account per RPPS holds across the test JVM.
        RegistrationJourney after = new RegistrationJourney(platform, new Mailbox("127.0.0.1", infrastructure.imapPort()),
                "Anne-Sophie", "Benoît");
        after.register();
        after.confirmEmailFromTheLinkInTheMail();
        after.logIn();
        after.submitProfile("NATIONAL_ID", "RPPS", "99800000095", "50");
        assertThat(after.awaitStatus("VALIDATION_PENDING").get("mssAddress").asString()).isNotBlank();
    }

    private static int schemaIdOf(String topic) {
        try {
            return SchemaRegistryClients.forUrl("mock://medimail").latest(Topics.named(topic).orElseThrow().valueSubject()).id();
        } catch (RuntimeException notRegisteredYet) {
            return 1;
        }
    }

    /** Not the wire format, an unknown schema, or the right schema id followed by bytes that are not that schema. */
    private static byte[] corrupt(Random random, int schemaId) {
        byte[] garbage = new byte[random.nextInt(120)];
        random.nextBytes(garbage);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(5 + garbage.length);
        switch (random.nextInt(5)) {
            case 0 -> {
                return garbage;
            }
            case 1 -> {
                return new byte[0];
            }
            case 2 -> buffer.put((byte) 1).putInt(schemaId);
            case 3 -> buffer.put((byte) 0).putInt(900_000 + random.nextInt(1000));
            default -> buffer.put((byte) 0).putInt(schemaId);
        }
        return buffer.put(garbage).array();
    }

    private static Map<String, String> awaitDeadLetters(String topic, String prefix, int expected, Duration patience) {
        Map<String, String> reasons = new LinkedHashMap<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "fuzz-check-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + patience.toNanos();
            while (reasons.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && record.key().startsWith(prefix)) {
                        Header reason = record.headers().lastHeader("x-exception-message");
                        reasons.put(record.key(), reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return reasons;
    }

    private static Endpoint endpoint(Random random, String tag) {
        String email = "fuzz." + tag + "@example.org";
        String reviewer = TestHttpClient.basic(LocalPlatform.SEEDED_REVIEWER, "agent").get("Authorization");
        String operator = TestHttpClient.basic(LocalPlatform.SEEDED_OPERATOR, "operateur").get("Authorization");
        String bearer = "Bearer " + accessToken;
        String id = UUID.randomUUID().toString();
        return switch (random.nextInt(26)) {
            case 0, 1 -> new Endpoint("registration-service", "POST", "/api/v1/registrations",
                    Registrations.aProfessional().withLastName("Durand").withEmail(email).fields(), null);
            case 2 -> new Endpoint("registration-service", "POST", "/api/v1/email-confirmations", map("token", "abc" + tag), null);
            case 3 -> new Endpoint("registration-service", "POST", "/api/v1/sessions", map("email", email, "password", "x" + tag), null);
            case 4 -> new Endpoint("registration-service", "GET", "/api/v1/me", null, bearer);
            case 5 -> new Endpoint("registration-service", "PUT", "/api/v1/me/professional-profile", profile(), bearer);
            case 6 -> new Endpoint("registration-service", "GET", "/confirmation?token=" + tag, null, null);
            case 7, 8 -> new Endpoint("identity-verification-service", "POST", "/api/v1/identifier-checks",
                    map("type", "RPPS", "value", "99800000012"), null);
            case 9 -> new Endpoint("identity-verification-service", "GET", "/api/v1/directory-imports/" + random.nextInt(1000), null, operator);
            case 10 -> new Endpoint("mss-address-service", "GET", "/api/v1/mss-addresses/preview?firstName=Jean&lastName=Durand&profession=10",
                    null, null);
            case 11 -> new Endpoint("backoffice-service", "GET", "/api/v1/reviews?status=PENDING", null, reviewer);
            case 12 -> new Endpoint("backoffice-service", "POST", "/api/v1/reviews/" + id + "/approval", map(), reviewer);
            case 13 -> new Endpoint("backoffice-service", "POST", "/api/v1/reviews/" + id + "/rejection", map("reason", "Motif"), reviewer);
            case 14 -> new Endpoint("backoffice-service", "GET", "/api/v1/identity-reviews?status=PENDING", null, reviewer);
            case 15 -> new Endpoint("backoffice-service", "POST", "/api/v1/identity-reviews/" + id + "/refusal", map("reason", "Motif"), reviewer);
            case 16 -> new Endpoint("backoffice-service", "POST", "/api/v1/identity-reviews/" + id + "/confirmation", map(), reviewer);
            case 17 -> new Endpoint("registration-service", "POST", "/api/v1/sessions/otp", map("challengeId", id, "code", "123456"), null);
            case 18 -> new Endpoint("registration-service", "POST", "/api/v1/sessions/otp/resend", map("challengeId", id), null);
            case 19 -> new Endpoint("registration-service", "POST", "/api/v1/email-confirmations/resend", map("email", email), null);
            case 20 -> new Endpoint("registration-service", "POST", "/api/v1/password-resets", map("email", email), null);
            case 21 -> new Endpoint("registration-service", "POST", "/api/v1/password-resets/confirmation", map("token", "abc" + tag,
                    "password", "Motdepasse-solide-2026", "passwordConfirmation", "Motdepasse-solide-2026"), null);
            case 22 -> new Endpoint("registration-service", "PATCH", "/api/v1/me/contact", map("phone", "0561000000",
                    "directoryVisible", true), bearer);
            case 23 -> new Endpoint("registration-service", "POST", "/api/v1/me/terms-acceptance", map("version", "2026-12"), bearer);
            case 24 -> new Endpoint("registration-service", "PUT", "/api/v1/me/password", map("currentPassword", "x" + tag,
                    "password", "Motdepasse-solide-2026", "passwordConfirmation", "Motdepasse-solide-2026"), bearer);
            default -> new Endpoint("registration-service", "GET", "/api/v1/terms", null, null);
        };
    }

    private static final class Mutated {
        String method;
        String path;
        byte[] body;
        String contentType = "application/json";
        String authorization;
        String email;
        String mutation = "none";

        String describe() {
            return method + " " + abbreviate(path) + " [" + mutation + "]";
        }
    }

    private static Mutated mutate(Endpoint endpoint, Random random) {
        Mutated request = new Mutated();
        request.method = endpoint.method();
        request.path = endpoint.path();
        request.authorization = endpoint.authorization();
        Map<String, Object> body = endpoint.body() == null ? null : new LinkedHashMap<>(endpoint.body());
        String text = null;
        int kind = random.nextInt(22);
        List<String> fields = body == null ? List.of() : new ArrayList<>(body.keySet());
        String field = fields.isEmpty() ? null : fields.get(random.nextInt(fields.size()));
        switch (kind) {
            case 0, 1 -> request.mutation = "valid";
            case 2 -> { if (field != null) { body.remove(field); request.mutation = "drop " + field; } }
            case 3 -> { if (field != null) { body.put(field, null); request.mutation = "null " + field; } }
            case 4 -> { if (field != null) { body.put(field, random.nextInt()); request.mutation = "number " + field; } }
            case 5 -> { if (field != null) { body.put(field, random.nextBoolean()); request.mutation = "boolean " + field; } }
            case 6 -> { if (field != null) { body.put(field, List.of("a", 1)); request.mutation = "array " + field; } }
            case 7 -> { if (field != null) { body.put(field, Map.of("x", "y")); request.mutation = "object " + field; } }
            case 8 -> { if (field != null) { body.put(field, "x".repeat(20_000 + random.nextInt(50_000))); request.mutation = "huge " + field; } }
            case 9 -> { if (field != null) { body.put(field, "a" + (char) random.nextInt(0x20) + "b"); request.mutation = "control " + field; } }
            case 10 -> { if (field != null) { body.put(field, "LONE"); request.mutation = "lone surrogate " + field; } }
            case 11 -> { if (body != null) { body.put("unexpected" + random.nextInt(10), true); request.mutation = "unknown field"; } }
            case 12 -> request.mutation = "truncated";
            case 13 -> request.mutation = "random bytes";
            case 14 -> request.mutation = "deep nesting";
            case 15 -> { request.contentType = random.nextBoolean() ? "text/plain" : "application/xml"; request.mutation = "media type"; }
            case 16 -> { if (field != null) { body.put(field, "Ünïcødé ☃ 😀 " + "é".repeat(random.nextInt(300))); request.mutation = "unicode " + field; } }
            case 17 -> { request.method = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD").get(random.nextInt(7));
                request.mutation = "method"; }
            case 18 -> { request.authorization = random.nextBoolean() ? null : random.nextBoolean() ? "Bearer " + UUID.randomUUID()
                    : "Basic " + Base64.getEncoder().encodeToString(("agent:" + random.nextInt()).getBytes(StandardCharsets.UTF_8));
                request.mutation = "credentials"; }
            case 19 -> { request.path = pathWith(request.path, List.of("not-a-uuid", "%00", "..%2F..%2F", "%ff", "x".repeat(3000),
                    "%252e%252e", "-1", "9999999999999999999999").get(random.nextInt(8))); request.mutation = "path"; }
            case 20 -> { request.path = request.path + (request.path.contains("?") ? "&" : "?") + "status=%00&q=" + "z".repeat(random.nextInt(5000));
                request.mutation = "query"; }
            default -> { request.contentType = null; request.mutation = "no media type"; }
        }
        // Registrations whose e-mail surely reached the service intact: checked against the accounts afterwards.
        if (body != null && endpoint.path().equals("/api/v1/registrations") && request.method.equals(endpoint.method())
                && request.path.equals(endpoint.path()) && body.get("email") instanceof String email && email.startsWith("fuzz.")
                && !Set.of("truncated", "random bytes", "deep nesting").contains(request.mutation)) {
            request.email = email;
        }
        if (body != null && !"GET".equals(request.method) && !"HEAD".equals(request.method)) {
            text = JSON.writeValueAsString(body).replace("\"LONE\"", "\"\\ud800x\"");
            request.body = switch (request.mutation) {
                case "truncated" -> text.substring(0, random.nextInt(Math.max(1, text.length()))).getBytes(StandardCharsets.UTF_8);
                case "random bytes" -> { byte[] bytes = new byte[1 + random.nextInt(2000)]; random.nextBytes(bytes); yield bytes; }
                case "deep nesting" -> ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
                default -> text.getBytes(StandardCharsets.UTF_8);
            };
        }
        return request;
    }

    private static String pathWith(String path, String segment) {
        int last = path.lastIndexOf('/');
        int query = path.indexOf('?');
        return query > 0 ? path.substring(0, query) + "/" + segment + path.substring(query)
                : path.substring(0, last + 1) + segment;
    }

    private static int accountsAmong(Set<String> emails) throws Exception {
        if (emails.isEmpty()) {
            return 0;
        }
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl("registration_service"), "postgres", "postgres");
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM account WHERE email = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("text", emails.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> profile() {
        // An RPPS in no directory: a generated profile that goes through never claims an identifier another test needs.
        return ProfileSubmissions.rpps("99800000079").withProfession("10").withPhone("0561000000").withOrganisationName(null)
                .fields();
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
