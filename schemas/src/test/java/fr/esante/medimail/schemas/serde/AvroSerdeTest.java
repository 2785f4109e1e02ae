package fr.esante.medimail.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

import fr.esante.medimail.events.AccountRejected;
import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.events.EmailConfirmed;
import fr.esante.medimail.schemas.SampleEvents;
import fr.esante.medimail.schemas.Topic;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.schemas.registry.InMemorySchemaRegistry;
import fr.esante.medimail.schemas.registry.SchemaRegistryClient.RegisteredSchema;
import fr.esante.medimail.schemas.registry.SchemaRegistryException;

/** What a producer or consumer using the serde through {@code mock://} sees. */
class AvroSerdeTest {

    static final java.util.List<Topic<?>> ALL_TOPICS = Topics.ALL;

    private final String scope = "serde-test-" + UUID.randomUUID();
    private final InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope(scope);

    @AfterEach
    void dropScope() {
        InMemorySchemaRegistry.dropScope(scope);
    }

    private Map<String, Object> config(Object... keyValues) {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        return config;
    }

    private AvroSerializer serializer(Object... keyValues) {
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(config(keyValues), false);
        return serializer;
    }

    private AvroDeserializer specificDeserializer() {
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(config(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return deserializer;
    }

    private static int schemaIdOf(byte[] wire) {
        return ByteBuffer.wrap(wire, 1, 4).getInt();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("ALL_TOPICS")
    <V extends SpecificRecord> void everyEventTypeSurvivesARoundTripThroughTheRegistry(Topic<V> topic) {
        V event = SampleEvents.sample(topic.valueType());
        Map<String, Object> config = config();

        byte[] wire = topic.valueSerializer(config).serialize(topic.name(), event);
        V read = topic.valueDeserializer(config).deserialize(topic.name(), wire);

        assertThat(read).isInstanceOf(topic.valueType()).isEqualTo(event);
        assertThat(registry.latest(topic.valueSubject()).id()).isEqualTo(schemaIdOf(wire));
        assertThat(registry.latest(topic.valueSubject()).schema()).isEqualTo(SampleEvents.schemaOf(topic.valueType()));
    }

    @Test
    void accountValidatedKeepsEveryFieldOfThePublicContract() {
        AccountValidated event = SampleEvents.sample(AccountValidated.class);
        event.setSpecialty(null);
        event.setDirectoryVisible(false);
        Topic<AccountValidated> topic = Topics.ACCOUNT_VALIDATED;

        AccountValidated read = topic.valueDeserializer(config())
                .deserialize(topic.name(), topic.valueSerializer(config()).serialize(topic.name(), event));

        assertThat(read.getAccountId()).isEqualTo(event.getAccountId());
        assertThat(read.getMssAddress()).isEqualTo(event.getMssAddress());
        assertThat(read.getSpecialty()).isNull();
        assertThat(read.getDirectoryVisible()).isFalse();
        assertThat(read.getValidatedAt()).isEqualTo(event.getValidatedAt());
        assertThat(read.getFirstName()).isEqualTo(event.getFirstName()).contains("é€");
    }

    @Test
    void wireFormatIsMagicByteZeroThenTheBigEndianRegistryIdThenPlainAvroBinary() throws Exception {
        // Push the ids past one byte so that byte order matters: 258 = 0x00000102.
        for (int i = 0; i < 257; i++) {
            registry.register("filler-" + i, SchemaBuilder.record("Filler" + i).namespace("test").fields()
                    .requiredString("f").endRecord());
        }
        EmailConfirmed event = SampleEvents.sample(EmailConfirmed.class);

        byte[] wire = serializer().serialize(Topics.EMAIL_CONFIRMED.name(), event);

        int registeredId = registry.lookUp(Topics.EMAIL_CONFIRMED.valueSubject(), EmailConfirmed.getClassSchema());
        assertThat(registeredId).isEqualTo(258);
        assertThat(Arrays.copyOfRange(wire, 0, 5)).containsExactly(0, 0, 0, 1, 2);
        assertThat(WireFormat.schemaId(wire)).isEqualTo(258);
        ByteArrayOutputStream plainAvro = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(plainAvro, null);
        new SpecificDatumWriter<EmailConfirmed>(EmailConfirmed.class).write(event, encoder);
        encoder.flush();
        assertThat(Arrays.copyOfRange(wire, 5, wire.length)).isEqualTo(plainAvro.toByteArray());
    }

    @Test
    void nullStaysNullAndRegistersNothing() {
        assertThat(serializer().serialize(Topics.ACCOUNT_REJECTED.name(), null)).isNull();
        assertThat(specificDeserializer().deserialize(Topics.ACCOUNT_REJECTED.name(), null)).isNull();
        assertThatThrownBy(() -> registry.latest(Topics.ACCOUNT_REJECTED.valueSubject()))
                .isInstanceOf(SchemaRegistryException.NotFound.class);
    }

    @Test
    void somethingOtherThanAnAvroRecordIsRefusedClearly() {
        assertThatThrownBy(() -> serializer().serialize("t", "a plain string"))
                .isInstanceOf(SerializationException.class).hasMessageContaining("java.lang.String");
    }

    @ParameterizedTest(name = "{0} (key: {1}) -> {2}")
    @CsvSource({
            ",                                                             false, medimail.account-rejected.v1-value",
            ",                                                             true,  medimail.account-rejected.v1-key",
            "TopicNameStrategy,                                            false, medimail.account-rejected.v1-value",
            "io.confluent.kafka.serializers.subject.RecordNameStrategy,      false, fr.esante.medimail.events.AccountRejected",
            "RecordNameStrategy,                                           true,  fr.esante.medimail.events.AccountRejected",
            "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, false, medimail.account-rejected.v1-fr.esante.medimail.events.AccountRejected",
            "TopicRecordNameStrategy,                                      true,  medimail.account-rejected.v1-fr.esante.medimail.events.AccountRejected"})
    void subjectNameStrategiesNameTheSubjectLikeConfluents(String strategy, boolean isKey, String expectedSubject) {
        Map<String, Object> config = config();
        if (strategy != null) {
            config.put(isKey ? AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY : AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, strategy);
        }
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(config, isKey);

        byte[] wire = serializer.serialize(Topics.ACCOUNT_REJECTED.name(), SampleEvents.sample(AccountRejected.class));

        RegisteredSchema latest = registry.latest(expectedSubject);
        assertThat(latest.id()).isEqualTo(schemaIdOf(wire));
        assertThat(latest.schema()).isEqualTo(AccountRejected.getClassSchema());
    }

    @Test
    void anUnknownSubjectNameStrategyIsAConfigurationError() {
        assertThatThrownBy(() -> serializer(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "com.example.MyStrategy"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("com.example.MyStrategy");
    }

    @Test
    void aMissingRegistryUrlIsAConfigurationError() {
        assertThatThrownBy(() -> new AvroSerializer().configure(Map.of(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> new AvroDeserializer().configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, " "), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema.registry.url");
    }

    @Test
    void withoutAutoRegistrationAnUnregisteredSchemaFailsClearly() {
        Serializer<Object> serializer = serializer(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false");

        assertThatThrownBy(() -> serializer.serialize(Topics.ACCOUNT_REJECTED.name(), SampleEvents.sample(AccountRejected.class)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(Topics.ACCOUNT_REJECTED.valueSubject())
                .hasMessageContaining("not found")
                .hasCauseInstanceOf(SchemaRegistryException.NotFound.class);
        assertThatThrownBy(() -> registry.latest(Topics.ACCOUNT_REJECTED.valueSubject()))
                .as("looking up must not register").isInstanceOf(SchemaRegistryException.NotFound.class);
    }

    @Test
    void withoutAutoRegistrationAnotherSchemaOfTheSubjectIsNotEnough() {
        registry.register(Topics.ACCOUNT_REJECTED.valueSubject(), withExtraOptionalField(AccountRejected.getClassSchema()));
        Serializer<Object> serializer = serializer(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);

        assertThatThrownBy(() -> serializer.serialize(Topics.ACCOUNT_REJECTED.name(), SampleEvents.sample(AccountRejected.class)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Schema not found");
    }

    @Test
    void withoutAutoRegistrationARegisteredSchemaIsLookedUpAndUsed() {
        int id = registry.register(Topics.ACCOUNT_REJECTED.valueSubject(), AccountRejected.getClassSchema());
        AccountRejected event = SampleEvents.sample(AccountRejected.class);

        byte[] wire = serializer(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false").serialize(Topics.ACCOUNT_REJECTED.name(), event);

        assertThat(schemaIdOf(wire)).isEqualTo(id);
        assertThat(registry.latest(Topics.ACCOUNT_REJECTED.valueSubject()).version()).as("no new version").isEqualTo(1);
        assertThat(specificDeserializer().deserialize(Topics.ACCOUNT_REJECTED.name(), wire)).isEqualTo(event);
    }

    @Test
    void useLatestVersionWritesWithTheSubjectsLatestSchemaAndId() {
        String subject = Topics.ACCOUNT_REJECTED.valueSubject();
        registry.register(subject, AccountRejected.getClassSchema());
        Schema latestSchema = withExtraOptionalField(AccountRejected.getClassSchema());
        int latestId = registry.register(subject, latestSchema);
        AccountRejected event = SampleEvents.sample(AccountRejected.class);

        byte[] wire = serializer(AvroSerdeConfig.USE_LATEST_VERSION, true, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false)
                .serialize(Topics.ACCOUNT_REJECTED.name(), event);

        assertThat(schemaIdOf(wire)).isEqualTo(latestId);
        assertThat(registry.latest(subject).version()).isEqualTo(2);
        // A generic consumer sees the latest schema, with the new field's default...
        AvroDeserializer generic = new AvroDeserializer();
        generic.configure(config(), false);
        GenericRecord asWritten = (GenericRecord) generic.deserialize(Topics.ACCOUNT_REJECTED.name(), wire);
        assertThat(asWritten.getSchema()).isEqualTo(latestSchema);
        assertThat(asWritten.get("comment")).isNull();
        assertThat(asWritten.get("reason")).hasToString(event.getReason());
        // ...and a consumer of the generated class gets the event back.
        assertThat(specificDeserializer().deserialize(Topics.ACCOUNT_REJECTED.name(), wire)).isEqualTo(event);
    }

    @Test
    void useLatestVersionMapsFieldsByNameNotByPosition() {
        String subject = Topics.ACCOUNT_REJECTED.valueSubject();
        Schema current = AccountRejected.getClassSchema();
        // Same fields, compatible by name, in another order: email and firstName swapped.
        Schema reordered = copyWithFieldOrder(current, "eventId", "accountId", "occurredAt", "firstName", "email",
                "reason", "rejectedBy");
        registry.setCompatibility(subject, "NONE");
        registry.register(subject, reordered);
        AccountRejected event = SampleEvents.sample(AccountRejected.class);

        byte[] wire = serializer(AvroSerdeConfig.USE_LATEST_VERSION, true).serialize(Topics.ACCOUNT_REJECTED.name(), event);

        AccountRejected read = (AccountRejected) specificDeserializer().deserialize(Topics.ACCOUNT_REJECTED.name(), wire);
        assertThat(read.getEmail()).isEqualTo(event.getEmail());
        assertThat(read.getFirstName()).isEqualTo(event.getFirstName());
        assertThat(read).isEqualTo(event);
    }

    @Test
    void useLatestVersionRefusesALatestSchemaThatCannotCarryTheRecord() {
        String subject = Topics.EMAIL_CONFIRMED.valueSubject();
        Schema unrelated = SchemaBuilder.record("EmailConfirmed").namespace("fr.esante.medimail.events").fields()
                .requiredString("somethingElse").endRecord();
        registry.register(subject, unrelated);

        assertThatThrownBy(() -> serializer(AvroSerdeConfig.USE_LATEST_VERSION, true)
                .serialize(Topics.EMAIL_CONFIRMED.name(), SampleEvents.sample(EmailConfirmed.class)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(subject)
                .hasMessageContaining("somethingElse");
    }

    @Test
    void aProducerWithAnIncompatibleNewSchemaIsRefused() {
        Serializer<Object> serializer = serializer();
        serializer.serialize(Topics.ACCOUNT_REJECTED.name(), SampleEvents.sample(AccountRejected.class));
        // A producer deploys a version with a new required field (no default): BACKWARD refuses it, as
        // consumers could not read the records already on the topic with it.
        Schema breaking = withExtraRequiredField(AccountRejected.getClassSchema());
        GenericRecord record = new GenericData.Record(breaking);
        for (Schema.Field f : breaking.getFields()) {
            record.put(f.name(), f.schema().getType() == Schema.Type.LONG ? 0L : "x");
        }

        assertThatThrownBy(() -> serializer.serialize(Topics.ACCOUNT_REJECTED.name(), record))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not compatible")
                .hasMessageContaining(Topics.ACCOUNT_REJECTED.valueSubject())
                .hasCauseInstanceOf(SchemaRegistryException.IncompatibleSchema.class);
        assertThat(registry.latest(Topics.ACCOUNT_REJECTED.valueSubject()).version()).isEqualTo(1);
    }

    @Test
    void aGenericConsumerGetsGenericRecordsWithTheWritersSchema() {
        byte[] wire = serializer().serialize(Topics.EMAIL_CONFIRMED.name(), SampleEvents.sample(EmailConfirmed.class));
        AvroDeserializer generic = new AvroDeserializer();
        generic.configure(config(), false);

        Object read = generic.deserialize(Topics.EMAIL_CONFIRMED.name(), wire);

        assertThat(read).isInstanceOf(GenericRecord.class).isNotInstanceOf(EmailConfirmed.class);
        assertThat(((GenericRecord) read).getSchema()).isEqualTo(EmailConfirmed.getClassSchema());
    }

    @Test
    void genericRecordsAreSerializedToo() {
        Schema schema = SchemaBuilder.record("Ping").namespace("test").fields().requiredString("text").endRecord();
        GenericRecord ping = new GenericData.Record(schema);
        ping.put("text", "pong");

        byte[] wire = serializer().serialize("pings", ping);

        AvroDeserializer generic = new AvroDeserializer();
        generic.configure(config(), false);
        assertThat(((GenericRecord) generic.deserialize("pings", wire)).get("text")).hasToString("pong");
        assertThat(registry.latest("pings-value").schema()).isEqualTo(schema);
    }

    @Test
    void aSpecificReaderWithoutAGeneratedClassFailsClearly() {
        Schema schema = SchemaBuilder.record("Unknown").namespace("com.example.nowhere").fields()
                .requiredString("text").endRecord();
        GenericRecord record = new GenericData.Record(schema);
        record.put("text", "x");
        byte[] wire = serializer().serialize("unknowns", record);

        assertThatThrownBy(() -> specificDeserializer().deserialize("unknowns", wire))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("com.example.nowhere.Unknown")
                .hasMessageContaining("generated class");
    }

    @Test
    void aTopicsDeserializerRefusesAnotherTopicsEventType() {
        byte[] wire = serializer().serialize(Topics.EMAIL_CONFIRMED.name(), SampleEvents.sample(EmailConfirmed.class));
        Deserializer<AccountRejected> deserializer = Topics.ACCOUNT_REJECTED.valueDeserializer(config());

        assertThatThrownBy(() -> deserializer.deserialize(Topics.ACCOUNT_REJECTED.name(), wire))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("AccountRejected").hasMessageContaining("EmailConfirmed");
    }

    @Test
    void serdesOfTheSameMockScopeShareOneRegistryAndOtherScopesDoNot() {
        byte[] wire = serializer().serialize(Topics.EMAIL_CONFIRMED.name(), SampleEvents.sample(EmailConfirmed.class));
        AvroDeserializer elsewhere = new AvroDeserializer();
        String otherScope = scope + "-other";
        elsewhere.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + otherScope), false);
        try {
            assertThatThrownBy(() -> elsewhere.deserialize(Topics.EMAIL_CONFIRMED.name(), wire))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown schema id");
        } finally {
            InMemorySchemaRegistry.dropScope(otherScope);
        }
    }

    static Schema withExtraOptionalField(Schema schema) {
        return withExtraField(schema, new Schema.Field("comment",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)), null,
                Schema.Field.NULL_DEFAULT_VALUE));
    }

    static Schema withExtraRequiredField(Schema schema) {
        return withExtraField(schema, new Schema.Field("comment", Schema.create(Schema.Type.STRING), null, (Object) null));
    }

    private static Schema withExtraField(Schema schema, Schema.Field extra) {
        java.util.List<Schema.Field> fields = new java.util.ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        fields.add(extra);
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static Schema copyWithFieldOrder(Schema schema, String... names) {
        java.util.List<Schema.Field> fields = new java.util.ArrayList<>();
        for (String name : names) {
            Schema.Field f = schema.getField(name);
            fields.add(new Schema.Field(f, f.schema()));
        }
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
