package fr.esante.medimail.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import fr.esante.medimail.schemas.registry.SchemaRegistryClient;
import fr.esante.medimail.schemas.registry.SchemaRegistryClients;
import fr.esante.medimail.schemas.registry.SchemaRegistryException;

/**
 * Writes Avro records in the Confluent wire format, registering (or looking up) their schema in the
 * registry the way Confluent's {@code KafkaAvroSerializer} does, so any Confluent consumer can read them.
 */
public class AvroSerializer implements Serializer<Object> {

    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private boolean isKey;
    /** Pairs (latest schema, record's schema) already found compatible: the check costs more than the encoding. */
    private final Set<List<Schema>> compatibleWithLatest = ConcurrentHashMap.newKeySet();

    public AvroSerializer() {
    }

    public AvroSerializer(SchemaRegistryClient registry, Map<String, ?> configs, boolean isKey) {
        this.registry = registry;
        this.config = AvroSerdeConfig.from(configs, isKey);
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs, isKey);
        this.isKey = isKey;
        if (registry == null) {
            this.registry = SchemaRegistryClients.forUrl(config.registryUrl());
        }
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof GenericContainer record)) {
            throw new SerializationException("Only Avro records can be serialized here, got " + data.getClass().getName());
        }
        Schema schema = record.getSchema();
        String subject = config.subjectNameStrategy().subject(topic, isKey, schema);
        int id;
        Schema writerSchema = schema;
        try {
            if (config.useLatestVersion()) {
                SchemaRegistryClient.RegisteredSchema latest = registry.latest(subject);
                id = latest.id();
                writerSchema = latest.schema();
            } else if (config.autoRegisterSchemas()) {
                id = registry.register(subject, schema);
            } else {
                id = registry.lookUp(subject, schema);
            }
        } catch (SchemaRegistryException.IncompatibleSchema e) {
            throw new SerializationException("Schema " + schema.getFullName() + " is not compatible with the schemas already registered under subject "
                    + subject + ": " + e.getMessage(), e);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot get a schema id for subject " + subject + ": " + e.getMessage(), e);
        }
        if (!writerSchema.equals(schema)) {
            // use.latest.version with a latest schema other than the record's own: the datum writer would take the
            // record's fields by position, so convert the record to the latest schema by name first.
            data = resolveTo(writerSchema, schema, data, subject, id);
        }
        return write(id, writerSchema, data);
    }

    private Object resolveTo(Schema latest, Schema own, Object data, String subject, int latestId) {
        if (!compatibleWithLatest.contains(List.of(latest, own))) {
            SchemaCompatibility.SchemaCompatibilityResult result =
                    SchemaCompatibility.checkReaderWriterCompatibility(latest, own).getResult();
            if (result.getCompatibility() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                String why = result.getIncompatibilities().stream()
                        .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                        .collect(Collectors.joining("; "));
                throw new SerializationException("The latest schema of subject " + subject + " (id " + latestId
                        + ") cannot represent a " + own.getFullName() + " of the producer's schema (use.latest.version): " + why);
            }
            compatibleWithLatest.add(List.of(latest, own));
        }
        ByteArrayOutputStream ownEncoding = new ByteArrayOutputStream(128);
        encode(own, data, ownEncoding);
        try {
            return new GenericDatumReader<>(own, latest, GenericData.get())
                    .read(null, DecoderFactory.get().binaryDecoder(ownEncoding.toByteArray(), null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot convert a " + own.getFullName() + " to the latest schema of subject "
                    + subject + " (id " + latestId + "): " + e.getMessage(), e);
        }
    }

    private static byte[] write(int schemaId, Schema writerSchema, Object data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(WireFormat.MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(schemaId).array());
        encode(writerSchema, data, out);
        return out.toByteArray();
    }

    private static void encode(Schema writerSchema, Object data, ByteArrayOutputStream out) {
        DatumWriter<Object> writer = data instanceof SpecificRecord
                ? new SpecificDatumWriter<>(writerSchema)
                : new GenericDatumWriter<>(writerSchema);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode " + writerSchema.getFullName() + " as Avro: " + e.getMessage(), e);
        }
    }
}
