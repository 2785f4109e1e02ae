package fr.esante.medimail.schemas.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static fr.esante.medimail.schemas.registry.HttpSchemaRegistryClientTest.error;
import static fr.esante.medimail.schemas.registry.HttpSchemaRegistryClientTest.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import fr.esante.medimail.events.EmailConfirmed;
import fr.esante.medimail.schemas.SampleEvents;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.schemas.serde.AvroDeserializer;
import fr.esante.medimail.schemas.serde.AvroSerdeConfig;
import fr.esante.medimail.schemas.serde.AvroSerializer;

/** A consumer must not cost the registry a round trip per record: ids are immutable, so they are cached. */
class CachingSchemaRegistryClientTest {

    private static final String TOPIC = Topics.EMAIL_CONFIRMED.name();
    private static final String SUBJECT = Topics.EMAIL_CONFIRMED.valueSubject();

    @RegisterExtension
    static WireMockExtension registry = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(
            new HttpSchemaRegistryClient(registry.baseUrl(), Duration.ofSeconds(2), 3, Duration.ofMillis(10)));
    private final Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.baseUrl(),
            AvroSerdeConfig.SPECIFIC_AVRO_READER, true);

    @Test
    void manyRecordsCostOneSchemaFetchAndOneRegistration() {
        registry.stubFor(post("/subjects/" + SUBJECT + "/versions").willReturn(ok(Map.of("id", 1234))));
        registry.stubFor(get("/schemas/ids/1234").willReturn(ok(Map.of("schema", EmailConfirmed.getClassSchema().toString()))));
        AvroSerializer serializer = new AvroSerializer(client, config, false);
        // The consumer side has its own client, as in another process: it must fetch the schema by id.
        CachingSchemaRegistryClient consumerClient = new CachingSchemaRegistryClient(
                new HttpSchemaRegistryClient(registry.baseUrl(), Duration.ofSeconds(2), 3, Duration.ofMillis(10)));
        AvroDeserializer deserializer = new AvroDeserializer(consumerClient, config, false);

        for (int i = 0; i < 200; i++) {
            EmailConfirmed event = SampleEvents.sample(EmailConfirmed.class);
            event.setEmail("user" + i + "@example.org");
            byte[] wire = serializer.serialize(TOPIC, event);
            assertThat(deserializer.deserialize(TOPIC, wire)).isEqualTo(event);
        }

        registry.verify(1, postRequestedFor(urlEqualTo("/subjects/" + SUBJECT + "/versions")));
        registry.verify(1, getRequestedFor(urlEqualTo("/schemas/ids/1234")));
    }

    @Test
    void theSchemaJustRegisteredNeedsNoFetchById() {
        registry.stubFor(post("/subjects/" + SUBJECT + "/versions").willReturn(ok(Map.of("id", 77))));

        int id = client.register(SUBJECT, EmailConfirmed.getClassSchema());

        assertThat(client.schemaById(id)).isEqualTo(EmailConfirmed.getClassSchema());
        registry.verify(0, getRequestedFor(urlEqualTo("/schemas/ids/77")));
    }

    @Test
    void lookUpsAreCachedToo() {
        registry.stubFor(post("/subjects/" + SUBJECT).willReturn(ok(Map.of(
                "subject", SUBJECT, "id", 8, "version", 1, "schema", EmailConfirmed.getClassSchema().toString()))));

        for (int i = 0; i < 20; i++) {
            assertThat(client.lookUp(SUBJECT, EmailConfirmed.getClassSchema())).isEqualTo(8);
        }

        registry.verify(1, postRequestedFor(urlEqualTo("/subjects/" + SUBJECT)));
    }

    @Test
    void latestIsNeverCachedBecauseItChanges() {
        registry.stubFor(get("/subjects/" + SUBJECT + "/versions/latest").willReturn(ok(Map.of(
                "subject", SUBJECT, "id", 8, "version", 1, "schema", EmailConfirmed.getClassSchema().toString()))));

        client.latest(SUBJECT);
        client.latest(SUBJECT);

        registry.verify(2, getRequestedFor(urlEqualTo("/subjects/" + SUBJECT + "/versions/latest")));
    }

    @Test
    void failuresAreNotCachedSoALaterCallCanSucceed() {
        registry.stubFor(get("/schemas/ids/99").willReturn(error(404, 40403, "Schema not found")));
        AvroDeserializer deserializer = new AvroDeserializer(client, config, false);
        byte[] wire = {0, 0, 0, 0, 99, 0};

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, wire))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown schema id 99");

        registry.stubFor(get("/schemas/ids/99").willReturn(ok(Map.of("schema", EmailConfirmed.getClassSchema().toString()))));
        assertThat(client.schemaById(99)).isEqualTo(EmailConfirmed.getClassSchema());
        registry.verify(2, getRequestedFor(urlEqualTo("/schemas/ids/99")));
    }

    @Test
    void aRegistryOutageIsASerializationErrorNamingTheSubject() {
        registry.stubFor(post("/subjects/" + SUBJECT + "/versions").willReturn(error(500, 50002, "Operation timed out")));
        AvroSerializer serializer = new AvroSerializer(client, config, false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleEvents.sample(EmailConfirmed.class)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(SUBJECT).hasMessageContaining("Operation timed out");
        registry.verify(3, postRequestedFor(urlEqualTo("/subjects/" + SUBJECT + "/versions")));
    }

    @Test
    void theClientForAnHttpUrlIsSharedAndCaching() {
        SchemaRegistryClient first = SchemaRegistryClients.forUrl(registry.baseUrl() + ", http://second.invalid:8081");
        SchemaRegistryClient second = SchemaRegistryClients.forUrl(registry.baseUrl());

        assertThat(first).isSameAs(second).isInstanceOf(CachingSchemaRegistryClient.class);
        assertThat(SchemaRegistryClients.forUrl("mock://clients-test")).isSameAs(InMemorySchemaRegistry.forScope("clients-test"));
        InMemorySchemaRegistry.dropScope("clients-test");
    }
}
