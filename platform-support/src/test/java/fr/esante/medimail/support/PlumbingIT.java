package fr.esante.medimail.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
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
import fr.esante.medimail.testsupport.TestHttpClient;
import fr.esante.medimail.testsupport.TestHttpClient.Answer;

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
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
    @Value("${local.server.port}")
    int port;
    @Autowired
    Tracer tracer;

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
    void theRecordContinuesTheTraceOfTheTransactionThatRecordedTheEvent() {
        UUID accountId = UUID.randomUUID();
        Span request = tracer.nextSpan().name("a request that changes state").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            notes.write(accountId, "traced", false);
        } finally {
            request.end();
        }
        String traceId = request.context().traceId();
        assertThat(jdbc.sql("SELECT trace_parent FROM outbox_event WHERE record_key = :key").param("key", accountId.toString())
                .query(String.class).single()).startsWith("00-" + traceId + "-");

        var records = kafka.awaitRecords(Topics.EMAIL_CONFIRMED.name(), r -> accountId.toString().equals(r.key()), Duration.ofSeconds(30));
        // Same trace, a later span (the relay's send), long after the request ended.
        assertThat(KafkaTestClient.header(records.get(0), "traceparent"))
                .startsWith("00-" + traceId + "-").doesNotContain(request.context().spanId());
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
    void anEventRecordedWithAnEarlierSchemaIsPublishedWithItsValuesInTheRightFields() throws Exception {
        // As if a release whose EmailConfirmed had a "legacy" field before "email" had recorded it, and the
        // current release (without that field) published it after a deployment.
        Schema earlier = SchemaBuilder.record("EmailConfirmed").namespace("fr.esante.medimail.events").fields()
                .name("eventId").type(LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING))).noDefault()
                .name("accountId").type(LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING))).noDefault()
                .name("occurredAt").type(LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
                .requiredString("legacy")
                .requiredString("email")
                .endRecord();
        UUID accountId = UUID.randomUUID();
        GenericRecord old = new GenericData.Record(earlier);
        old.put("eventId", UUID.randomUUID().toString());
        old.put("accountId", accountId.toString());
        old.put("occurredAt", Instant.now().toEpochMilli());
        old.put("legacy", "valeur d'une version précédente");
        old.put("email", "ancienne@example.org");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(earlier).write(old, encoder);
        encoder.flush();
        jdbc.sql("INSERT INTO outbox_event (topic, record_key, payload, writer_schema) VALUES (:topic, :key, :payload, :schema)")
                .param("topic", Topics.EMAIL_CONFIRMED.name()).param("key", accountId.toString())
                .param("payload", bytes.toByteArray()).param("schema", earlier.toString()).update();

        var records = kafka.awaitRecords(Topics.EMAIL_CONFIRMED.name(), r -> accountId.toString().equals(r.key()), Duration.ofSeconds(30));
        EmailConfirmed event = Topics.EMAIL_CONFIRMED.valueDeserializer(SERDE).deserialize(Topics.EMAIL_CONFIRMED.name(), records.get(0).value());
        assertThat(event.getEmail()).isEqualTo("ancienne@example.org");
    }

    @Test
    void aRowNoSignalAnnouncedIsStillPickedUpAfterTheOutboxStayedEmptyForAWhile() throws Exception {
        // Long enough for the fallback poll to back off to its idle interval (1 s by default).
        Thread.sleep(4000);
        UUID unannounced = UUID.randomUUID();
        // Written outside Outbox.append, as another instance or a restart would leave it: only the poll finds it. A
        // payload that cannot be decoded shows the relay's visit in the row itself (set aside with the reason).
        jdbc.sql("INSERT INTO outbox_event (topic, record_key, payload, writer_schema) VALUES (:topic, :key, :payload, NULL)")
                .param("topic", Topics.EMAIL_CONFIRMED.name()).param("key", unannounced.toString())
                .param("payload", new byte[] {1, 2, 3}).update();

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT failure FROM outbox_event WHERE record_key = :key")
                .param("key", unannounced.toString()).query(String.class).optional().isPresent());
    }

    @Test
    void anEventThatCannotBeDecodedIsSetAsideWithoutBlockingTheOthers() {
        UUID broken = UUID.randomUUID();
        jdbc.sql("INSERT INTO outbox_event (topic, record_key, payload, writer_schema) VALUES (:topic, :key, :payload, NULL)")
                .param("topic", Topics.EMAIL_CONFIRMED.name()).param("key", broken.toString())
                .param("payload", new byte[] {1, 2, 3}).update();
        UUID after = UUID.randomUUID();
        notes.write(after, "after", false);

        kafka.awaitRecords(Topics.EMAIL_CONFIRMED.name(), r -> after.toString().equals(r.key()), Duration.ofSeconds(30));
        assertThat(jdbc.sql("SELECT failure FROM outbox_event WHERE record_key = :key").param("key", broken.toString())
                .query(String.class).single()).isNotBlank();
    }

    @Test
    void aTombstoneIsPublishedAsARecordWithoutValueUnderAKeyThatIsNoAccountId() {
        String key = "tombstone." + UUID.randomUUID() + "@medecin.oc.mssante.fr";
        transactions.executeWithoutResult(status -> outbox.appendTombstone(Topics.EMAIL_CONFIRMED, key));

        var records = kafka.awaitRecords(Topics.EMAIL_CONFIRMED.name(), r -> key.equals(r.key()), Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value()).as("a tombstone has no value").isNull();
        assertThatThrownBy(() -> outbox.appendTombstone(Topics.EMAIL_CONFIRMED, key))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void eventsRecordedTogetherLeaveInTheOrderTheyWereRecorded() {
        // The relay sends a batch before waiting for its acknowledgements: the order must still be the recorded one.
        UUID accountId = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            for (int i = 1; i <= 30; i++) {
                outbox.append(Topics.EMAIL_CONFIRMED, accountId.toString(), EmailConfirmed.newBuilder().setEventId(UUID.randomUUID())
                        .setAccountId(accountId).setOccurredAt(Instant.now()).setEmail("change-" + i).build());
            }
        });

        kafka.awaitRecords(Topics.EMAIL_CONFIRMED.name(), r -> accountId.toString().equals(r.key())
                && "change-30".equals(email(r.value())), Duration.ofSeconds(30));
        var records = kafka.awaitRecords(Topics.EMAIL_CONFIRMED.name(), r -> accountId.toString().equals(r.key()), Duration.ofSeconds(30));
        assertThat(records).extracting(r -> email(r.value()))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(i -> "change-" + i).toList());
    }

    private static String email(byte[] value) {
        return Topics.EMAIL_CONFIRMED.valueDeserializer(SERDE).deserialize(Topics.EMAIL_CONFIRMED.name(), value).getEmail();
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
        Answer invalid = post("{\"text\":\"far too long text\",\"email\":\"not-an-email\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(invalid.body()).contains("\"field\":\"text\"", "\"code\":\"TOO_LONG\"", "10 caractères au plus.",
                "\"field\":\"email\"", "\"code\":\"INVALID_FORMAT\"", "\"status\":400", "\"title\"", "\"type\"");

        Answer missing = post("{}");
        assertThat(missing.body()).contains("\"code\":\"REQUIRED\"", "Le texte est obligatoire.");

        Answer malformed = post("{\"text\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("MALFORMED_REQUEST");

        Answer unknownEnum = post("{\"text\":\"a\",\"kind\":\"MEDIUM\"}");
        assertThat(unknownEnum.status()).isEqualTo(400);
        assertThat(unknownEnum.body()).contains("\"field\":\"kind\"", "INVALID_VALUE");
    }

    @Test
    void errorsRaisedByTheFrameworkAreFrenchProblemDocumentsToo() throws Exception {
        Answer unknown = TestHttpClient.onPort(port).get("/nothing-here", Map.of("Accept", "application/json"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(unknown.body()).contains("Ressource introuvable", "\"code\":\"NOT_FOUND\"");

        TestHttpClient http = TestHttpClient.onPort(port);
        Answer wrongMediaType = http.send(http.request("/notes", Map.of("Content-Type", "text/plain"))
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(wrongMediaType.status()).isEqualTo(415);
        assertThat(wrongMediaType.body()).contains("Format non pris en charge", "UNSUPPORTED_MEDIA_TYPE").doesNotContain("text/plain");
    }

    private Answer post(String json) {
        return TestHttpClient.onPort(port).post("/notes", json, Map.of());
    }

    private int count(String sql, Object id) {
        return jdbc.sql(sql).param("id", id).query(Integer.class).single();
    }
}
