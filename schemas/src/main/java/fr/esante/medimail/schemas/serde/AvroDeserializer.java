package fr.esante.medimail.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import fr.esante.medimail.schemas.registry.SchemaRegistryClient;
import fr.esante.medimail.schemas.registry.SchemaRegistryClients;
import fr.esante.medimail.schemas.registry.SchemaRegistryException;

/**
 * Reads records in the Confluent wire format. The writer's schema is fetched by id (and cached: ids are
 * immutable); with {@code specific.avro.reader=true} it is resolved against the generated class's schema,
 * so records written with an older compatible schema stay readable. Every way a record can be unreadable
 * ends in a {@link SerializationException} whose message says which.
 */
public class AvroDeserializer implements Deserializer<Object> {

    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private final Map<Integer, Schema> readerSchemas = new ConcurrentHashMap<>();

    public AvroDeserializer() {
    }

    public AvroDeserializer(SchemaRegistryClient registry, Map<String, ?> configs, boolean isKey) {
        this.registry = registry;
        this.config = AvroSerdeConfig.from(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs, isKey);
        if (registry == null) {
            this.registry = SchemaRegistryClients.forUrl(config.registryUrl());
        }
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int schemaId;
        try {
            schemaId = WireFormat.schemaId(data);
        } catch (WireFormat.InvalidWireFormatException e) {
            throw new SerializationException(e.getMessage(), e);
        }
        Schema writerSchema;
        try {
            writerSchema = registry.schemaById(schemaId);
        } catch (SchemaRegistryException.NotFound e) {
            throw new SerializationException("Unknown schema id " + schemaId + " (not in the schema registry)", e);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot fetch schema id " + schemaId + ": " + e.getMessage(), e);
        }
        Schema readerSchema = readerSchemas.computeIfAbsent(schemaId, id -> readerSchemaFor(writerSchema));
        DatumReader<Object> reader = config.specificAvroReader()
                ? new SpecificDatumReader<>(writerSchema, readerSchema)
                : new GenericDatumReader<>(writerSchema, readerSchema);
        // Not Avro's BinaryDecoder: it allocates whatever a (possibly corrupt) length prefix announces.
        BoundedBinaryDecoder decoder = new BoundedBinaryDecoder(data, WireFormat.HEADER_LENGTH,
                data.length - WireFormat.HEADER_LENGTH);
        try {
            Object value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("Record body has bytes left over after a complete "
                        + writerSchema.getFullName() + " (schema id " + schemaId + "): corrupt or wrong schema");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException se) {
                throw se;
            }
            throw new SerializationException("Cannot decode the Avro body of a " + writerSchema.getFullName()
                    + " (schema id " + schemaId + "): " + e, e);
        }
    }

    private Schema readerSchemaFor(Schema writerSchema) {
        if (!config.specificAvroReader()) {
            return writerSchema;
        }
        Class<?> generated = SpecificData.get().getClass(writerSchema);
        if (generated == null) {
            throw new SerializationException("No generated class for " + writerSchema.getFullName()
                    + " on the classpath; cannot read it as a specific record");
        }
        return SpecificData.get().getSchema(generated);
    }
}
