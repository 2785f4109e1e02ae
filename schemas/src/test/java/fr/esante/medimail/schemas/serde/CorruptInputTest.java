package fr.esante.medimail.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.EmailConfirmed;
import fr.esante.medimail.events.IdentityVerified;
import fr.esante.medimail.schemas.SampleEvents;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.schemas.registry.InMemorySchemaRegistry;

/**
 * A consumer handed bytes that are not a readable record must get a {@link SerializationException} saying
 * why (so the binder can send the record to a DLQ), quickly, without exhausting memory.
 */
class CorruptInputTest {

    private static final String TOPIC = Topics.EMAIL_CONFIRMED.name();

    private final String scope = "corrupt-" + UUID.randomUUID();
    private final InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope(scope);
    private final AvroDeserializer deserializer = new AvroDeserializer();
    private byte[] valid;

    @BeforeEach
    void writeAValidRecord() {
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        deserializer.configure(config, false);
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(config, false);
        valid = serializer.serialize(TOPIC, SampleEvents.sample(EmailConfirmed.class));
        assertThat(deserializer.deserialize(TOPIC, valid)).isInstanceOf(EmailConfirmed.class);
    }

    @AfterEach
    void dropScope() {
        InMemorySchemaRegistry.dropScope(scope);
    }

    @Test
    void tooShortForTheHeader() {
        for (byte[] data : new byte[][] {{}, {0}, {0, 0, 0, 1}}) {
            assertThatThrownBy(() -> deserializer.deserialize(TOPIC, data))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining(data.length + " bytes is too short");
        }
    }

    @Test
    void wrongMagicByte() {
        byte[] data = valid.clone();
        data[0] = 1;
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, data))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte 0x01");
        data[0] = (byte) 0xAC; // e.g. a Java-serialized object
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, data))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte 0xac");
        byte[] json = "{\"eventId\":\"x\"}".getBytes();
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, json))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte 0x7b")
                .hasMessageContaining("not a record in the Confluent wire format");
    }

    @Test
    void unknownSchemaId() {
        byte[] data = valid.clone();
        data[1] = 0x12;
        data[4] = 0x34;
        int id = WireFormat.schemaId(data);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, data))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown schema id " + id);
    }

    @Test
    void truncatedBody() {
        for (int length : new int[] {WireFormat.HEADER_LENGTH, WireFormat.HEADER_LENGTH + 1, valid.length / 2, valid.length - 1}) {
            byte[] data = Arrays.copyOf(valid, length);
            assertThatThrownBy(() -> deserializer.deserialize(TOPIC, data))
                    .as("record cut at %d of %d bytes", length, valid.length)
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Cannot decode the Avro body of a fr.esante.medimail.events.EmailConfirmed")
                    .hasMessageContaining("schema id " + WireFormat.schemaId(valid));
        }
    }

    @Test
    void trailingGarbage() {
        byte[] data = Arrays.copyOf(valid, valid.length + 3);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, data))
                .isInstanceOf(SerializationException.class).hasMessageContaining("bytes left over");
    }

    @Test
    void randomBytesAfterAValidHeaderNeverEscapeAsAnythingElse() {
        int[] ids = Topics.ALL.stream()
                .mapToInt(t -> registry.register(t.valueSubject(), SampleEvents.schemaOf(t.valueType()))).toArray();
        Random random = new Random(20260314L);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 4000; i++) {
                byte[] data = new byte[WireFormat.HEADER_LENGTH + random.nextInt(80)];
                random.nextBytes(data);
                int id = ids[random.nextInt(ids.length)];
                data[0] = 0;
                data[1] = (byte) (id >>> 24);
                data[2] = (byte) (id >>> 16);
                data[3] = (byte) (id >>> 8);
                data[4] = (byte) id;
                try {
                    deserializer.deserialize(TOPIC, data);
                    outcomes[0]++;
                } catch (SerializationException expected) {
                    assertThat(expected.getMessage()).contains("schema id " + id);
                    outcomes[1]++;
                }
            }
        });
        assertThat(outcomes[1]).as("records refused").isGreaterThan(3900);
    }

    @Test
    void aHugeStringLengthIsRefusedWithoutAllocatingIt() throws IOException {
        byte[] data = withEmailConfirmedHeader(encoder -> encoder.writeLong(2_000_000_000L));

        long allocated = allocatedBy(() -> assertThatThrownBy(() -> deserializer.deserialize(TOPIC, data))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("2000000000"));

        assertThat(allocated).as("bytes allocated while refusing the record").isLessThan(16L << 20);
    }

    @Test
    void aHugeArrayItemCountIsRefusedWithoutAllocatingIt() throws IOException {
        int id = registry.register(Topics.IDENTITY_VERIFIED.valueSubject(), IdentityVerified.getClassSchema());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        encoder.writeString(UUID.randomUUID().toString());
        encoder.writeString(UUID.randomUUID().toString());
        encoder.writeLong(0L);
        encoder.writeString("Martin");
        encoder.writeString("Paul");
        encoder.writeString("10");
        encoder.writeLong(1_000_000_000L); // specialties: a block of a billion items...
        encoder.writeString("S1");          // ...of which one is there
        encoder.flush();
        byte[] data = out.toByteArray();

        long allocated = allocatedBy(() -> assertThatThrownBy(() -> deserializer.deserialize(Topics.IDENTITY_VERIFIED.name(), data))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("1000000000"));

        assertThat(allocated).as("bytes allocated while refusing the record").isLessThan(16L << 20);
    }

    private interface Body {
        void write(BinaryEncoder encoder) throws IOException;
    }

    private byte[] withEmailConfirmedHeader(Body body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(valid, 0, WireFormat.HEADER_LENGTH);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        body.write(encoder);
        encoder.writeFixed(new byte[8]);
        encoder.flush();
        return out.toByteArray();
    }

    private static long allocatedBy(Runnable action) {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
                || !threads.isThreadAllocatedMemorySupported()) {
            action.run();
            Assumptions.abort("This JVM cannot measure allocation per thread");
            return 0;
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
