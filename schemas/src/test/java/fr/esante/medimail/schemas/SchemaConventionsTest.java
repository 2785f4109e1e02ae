package fr.esante.medimail.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Rules every event contract follows, so consumers can handle any event the same way. */
class SchemaConventionsTest {

    static List<Path> schemaFiles() {
        return SchemaFiles.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void startsWithEventIdAccountIdAndOccurredAt(Path file) {
        Schema schema = SchemaFiles.parse(file);

        assertThat(schema.getType()).isEqualTo(Schema.Type.RECORD);
        assertThat(schema.getNamespace()).isEqualTo("fr.esante.medimail.events");
        assertThat(schema.getName() + ".avsc").isEqualTo(file.getFileName().toString());
        List<Schema.Field> fields = schema.getFields();
        assertThat(fields.size()).isGreaterThanOrEqualTo(3);
        assertField(fields.get(0), "eventId", Schema.Type.STRING, LogicalTypes.uuid());
        assertField(fields.get(1), "accountId", Schema.Type.STRING, LogicalTypes.uuid());
        assertField(fields.get(2), "occurredAt", Schema.Type.LONG, LogicalTypes.timestampMillis());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void everyOptionalFieldDefaultsToNull(Path file) {
        List<String> offenders = new ArrayList<>();
        collectOptionalFieldsWithoutNullDefault(SchemaFiles.parse(file), "", offenders);

        assertThat(offenders).as("union-with-null fields of %s without \"default\": null", file.getFileName()).isEmpty();
    }

    @Test
    void everySchemaFileIsCarriedByExactlyOneTopicAndMatchesItsGeneratedClass() {
        Set<String> files = SchemaFiles.all().stream().map(f -> SchemaFiles.parse(f).getFullName()).collect(Collectors.toSet());
        Set<String> carried = Topics.ALL.stream().map(t -> t.valueType().getName()).collect(Collectors.toSet());

        assertThat(carried).hasSize(Topics.ALL.size()).isEqualTo(files);
        for (Path file : SchemaFiles.all()) {
            Schema schema = SchemaFiles.parse(file);
            Topic<?> topic = Topics.ALL.stream().filter(t -> t.valueType().getName().equals(schema.getFullName())).findFirst().orElseThrow();
            // Generated with stringType=String, which adds "avro.java.string" properties: compare the canonical forms.
            assertThat(org.apache.avro.SchemaNormalization.toParsingForm(SampleEvents.schemaOf(topic.valueType())))
                    .as("generated class of %s", file.getFileName())
                    .isEqualTo(org.apache.avro.SchemaNormalization.toParsingForm(schema));
            assertThat(topic.name()).matches("medimail\\.[a-z-]+\\.v\\d+");
            assertThat(Topics.named(topic.name())).contains(topic);
        }
    }

    private static void assertField(Schema.Field field, String name, Schema.Type type, org.apache.avro.LogicalType logicalType) {
        assertThat(field.name()).isEqualTo(name);
        assertThat(field.schema().getType()).as(name).isEqualTo(type);
        assertThat(field.schema().getLogicalType()).as(name).isEqualTo(logicalType);
    }

    private static void collectOptionalFieldsWithoutNullDefault(Schema schema, String path, List<String> offenders) {
        switch (schema.getType()) {
            case RECORD -> {
                for (Schema.Field field : schema.getFields()) {
                    String fieldPath = path + schema.getName() + "." + field.name();
                    Schema type = field.schema();
                    if (type.getType() == Schema.Type.UNION && type.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL)
                            && !(field.hasDefaultValue() && field.defaultVal() == JsonProperties.NULL_VALUE)) {
                        offenders.add(fieldPath);
                    }
                    collectOptionalFieldsWithoutNullDefault(type, fieldPath + "/", offenders);
                }
            }
            case UNION -> schema.getTypes().forEach(t -> collectOptionalFieldsWithoutNullDefault(t, path, offenders));
            case ARRAY -> collectOptionalFieldsWithoutNullDefault(schema.getElementType(), path, offenders);
            case MAP -> collectOptionalFieldsWithoutNullDefault(schema.getValueType(), path, offenders);
            default -> {
            }
        }
    }
}
