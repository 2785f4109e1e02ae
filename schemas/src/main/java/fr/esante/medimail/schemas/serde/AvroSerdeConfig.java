package fr.esante.medimail.schemas.serde;

import java.util.Map;

import org.apache.avro.Schema;

/** The Confluent serde settings this serde understands, read from Kafka client configuration. */
public record AvroSerdeConfig(String registryUrl, boolean autoRegisterSchemas, boolean useLatestVersion,
                              boolean specificAvroReader, SubjectNameStrategy subjectNameStrategy) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    public static AvroSerdeConfig from(Map<String, ?> configs, boolean isKey) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\"");
        }
        return new AvroSerdeConfig(url.toString(),
                flag(configs, AUTO_REGISTER_SCHEMAS, true),
                flag(configs, USE_LATEST_VERSION, false),
                flag(configs, SPECIFIC_AVRO_READER, false),
                SubjectNameStrategy.parse(configs.get(isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY)));
    }

    private static boolean flag(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        return value == null ? defaultValue : Boolean.parseBoolean(value.toString());
    }

    /** How a subject is named; the names and behaviour of Confluent's strategies. */
    public enum SubjectNameStrategy {
        TOPIC_NAME, RECORD_NAME, TOPIC_RECORD_NAME;

        public String subject(String topic, boolean isKey, Schema schema) {
            return switch (this) {
                case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
                case RECORD_NAME -> schema.getFullName();
                case TOPIC_RECORD_NAME -> topic + "-" + schema.getFullName();
            };
        }

        static SubjectNameStrategy parse(Object configured) {
            if (configured == null) {
                return TOPIC_NAME;
            }
            String name = configured instanceof Class<?> c ? c.getSimpleName() : configured.toString();
            name = name.substring(name.lastIndexOf('.') + 1);
            return switch (name) {
                case "TopicNameStrategy", "TOPIC_NAME" -> TOPIC_NAME;
                case "RecordNameStrategy", "RECORD_NAME" -> RECORD_NAME;
                case "TopicRecordNameStrategy", "TOPIC_RECORD_NAME" -> TOPIC_RECORD_NAME;
                default -> throw new IllegalArgumentException("Unknown subject name strategy: " + configured);
            };
        }
    }
}
