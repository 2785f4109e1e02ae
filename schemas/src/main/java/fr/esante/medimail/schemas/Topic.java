package fr.esante.medimail.schemas;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import fr.esante.medimail.schemas.serde.AvroDeserializer;
import fr.esante.medimail.schemas.serde.AvroSerdeConfig;
import fr.esante.medimail.schemas.serde.AvroSerializer;

/**
 * A Kafka topic and what travels on it: the key is the account id (a string, so one account's events stay
 * in order on one partition), the value an Avro record of {@code valueType} in the Confluent wire format.
 */
public record Topic<V extends SpecificRecord>(String name, Class<V> valueType) {

    public Serde<String> keySerde() {
        return Serdes.String();
    }

    /** The value serializer, configured from Kafka client properties ({@code schema.registry.url} etc.). */
    public Serializer<Object> valueSerializer(Map<String, ?> serdeConfig) {
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(serdeConfig, false);
        return serializer;
    }

    /** The value deserializer, always producing instances of {@code valueType}. */
    @SuppressWarnings("unchecked")
    public Deserializer<V> valueDeserializer(Map<String, ?> serdeConfig) {
        Map<String, Object> config = new HashMap<>(serdeConfig);
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(config, false);
        return (topic, data) -> {
            Object value = deserializer.deserialize(topic, data);
            if (value != null && !valueType.isInstance(value)) {
                throw new org.apache.kafka.common.errors.SerializationException("Topic " + name + " carries "
                        + valueType.getSimpleName() + " records, got a " + value.getClass().getSimpleName());
            }
            return (V) value;
        };
    }

    /** The subject its value schema is registered under (TopicNameStrategy). */
    public String valueSubject() {
        return name + "-value";
    }
}
