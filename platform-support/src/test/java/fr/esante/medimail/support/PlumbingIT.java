package fr.esante.medimail.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.IllegalTransactionStateException;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.embedded.EmbeddedInfrastructureInitializer;
import fr.esante.medimail.embedded.KafkaTestClient;
import fr.esante.medimail.events.EmailConfirmed;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.schemas.serde.AvroSerializer;
import fr.esante.medimail.support.outbox.Outbox;
import fr.esante.medimail.support.testapp.SupportTestApplication;

@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=support-test")
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
class PlumbingIT {

    private static final Map<String, String> SERDE = Map.of("schema.registry.url", "mock://medimail");

    @Autowired
    SupportTestApplication.Notes notes;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Value("${local.server.port}")
    int port;

    private final KafkaTestClient kafka = new KafkaTestClient(EmbeddedInfrastructure.shared().kafkaBootstrapServers());

    @Test
    void aCommittedChangeIsPublishedInTheWireFormatWithTheAccountIdAsKey() {
        UUID accountId = UUID.randomUUID();
        notes.write(accountId, "committed", false);

        var records = kafka.awaitRecords(Topics.EMAIL_CONFIRMED.name(), r -> accountId.toString().equals(r.key()), Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value()[0]).isZero();
        EmailConfirmed event = Topics.EMAIL_CONFIRMED.valueDeserializer(SERDE).deserialize(Topics.EMAIL_CONFIRMED.name(), records.get(0).value());
        assertThat(event.getEmail()).isEqualTo("committed");
        assertThat(event.getAccountId()).isEqualTo(accountId);
    }

    @Test
    void aRolledBackChangeLeavesNeitherTheRowNorTheEvent() {
        UUID rolledBack = UUID.randomUUID();
        assertThatThrownBy(() -> notes.write(rolledBack, "rolled back", true)).hasMessageContaining("simulated");
        UUID committedAfter = UUID.randomUUID();
        notes.write(committedAfter, "after", false);

        // The relay publishes in order: once the later event is out, the rolled-back one would have been too.
        kafka.awaitRecords(Topics.EMAIL_CONFIRMED.name(), r -> committedAfter.toString().equals(r.key()), Duration.ofSeconds(30));
        assertThat(count("SELECT count(*) FROM note WHERE id = :id", rolledBack)).isZero();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE record_key = :id", rolledBack.toString())).isZero();
        assertThatThrownBy(() -> kafka.awaitRecords(Topics.EMAIL_CONFIRMED.name(), r -> rolledBack.toString().equals(r.key()),
                Duration.ofSeconds(2))).isInstanceOf(AssertionError.class);
    }

    @Test
    void theOutboxRefusesToRecordAnEventOutsideATransaction() {
        EmailConfirmed event = EmailConfirmed.newBuilder().setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID())
                .setOccurredAt(Instant.now()).setEmail("x").build();
        assertThatThrownBy(() -> outbox.append(Topics.EMAIL_CONFIRMED, event.getAccountId().toString(), event))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aRedeliveredEventIsHandledOnce() {
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(SERDE, false);
        EmailConfirmed event = EmailConfirmed.newBuilder().setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID())
                .setOccurredAt(Instant.now()).setEmail("twice@example.org").build();
        byte[] bytes = serializer.serialize(Topics.EMAIL_CONFIRMED.name(), event);
        kafka.send(Topics.EMAIL_CONFIRMED.name(), event.getAccountId().toString(), bytes);
        kafka.send(Topics.EMAIL_CONFIRMED.name(), event.getAccountId().toString(), bytes);
        UUID marker = UUID.randomUUID();
        notes.write(marker, "marker", false);

        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM handled WHERE account_id = :id", marker) == 1);
        assertThat(count("SELECT count(*) FROM handled WHERE event_id = :id", event.getEventId())).isEqualTo(1);
    }

    @Test
    void invalidInputIsAProblemDocumentWithFieldCodesAndFrenchMessages() throws Exception {
        HttpResponse<String> invalid = post("{\"text\":\"far too long text\",\"email\":\"not-an-email\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(invalid.body()).contains("\"field\":\"text\"", "\"code\":\"TOO_LONG\"", "10 caractères au plus.",
                "\"field\":\"email\"", "\"code\":\"INVALID_FORMAT\"", "\"status\":400", "\"title\"", "\"type\"");

        HttpResponse<String> missing = post("{}");
        assertThat(missing.body()).contains("\"code\":\"REQUIRED\"", "Le texte est obligatoire.");

        HttpResponse<String> malformed = post("{\"text\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("MALFORMED_REQUEST");

        HttpResponse<String> unknownEnum = post("{\"text\":\"a\",\"kind\":\"MEDIUM\"}");
        assertThat(unknownEnum.statusCode()).isEqualTo(400);
        assertThat(unknownEnum.body()).contains("\"field\":\"kind\"", "INVALID_VALUE");
    }

    private HttpResponse<String> post(String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/notes"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int count(String sql, Object id) {
        return jdbc.sql(sql).param("id", id).query(Integer.class).single();
    }
}
