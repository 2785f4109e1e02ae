package fr.esante.medimail.schemas;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds a fully populated instance of any generated event class from its schema, so that tests cover every
 * event type of {@link Topics#ALL}, including those added later, without a hand-written builder for each.
 * Every optional field is set (a round trip of nulls would prove little) and every array has two items.
 */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static <V extends SpecificRecord> V sample(Class<V> type) {
        Schema schema = SpecificData.get().getSchema(type);
        return type.cast(record(SpecificData.getForClass(type), schema, schema.getName()));
    }

    public static Schema schemaOf(Class<? extends SpecificRecord> type) {
        return SpecificData.get().getSchema(type);
    }

    private static Object record(SpecificData model, Schema schema, String path) {
        SpecificRecord record = (SpecificRecord) model.newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
            record.put(field.pos(), value(model, field.schema(), path + "." + field.name()));
        }
        return record;
    }

    private static Object value(SpecificData model, Schema schema, String path) {
        LogicalType logicalType = schema.getLogicalType();
        if (logicalType instanceof LogicalTypes.Uuid) {
            return UUID.nameUUIDFromBytes(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (logicalType instanceof LogicalTypes.TimestampMillis) {
            // Millisecond precision: what the logical type keeps.
            return Instant.parse("2026-03-14T09:26:53.589Z").plus(path.length(), ChronoUnit.MINUTES);
        }
        return switch (schema.getType()) {
            case STRING -> "value of " + path + " é€";
            case BOOLEAN -> path.length() % 2 == 0;
            case INT -> path.length();
            case LONG -> (long) path.hashCode();
            case RECORD -> record(model, schema, path);
            case UNION -> value(model, schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL)
                    .findFirst().orElseThrow(), path);
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                items.add(value(model, schema.getElementType(), path + "[0]"));
                items.add(value(model, schema.getElementType(), path + "[1]"));
                yield items;
            }
            default -> throw new IllegalArgumentException("SampleEvents does not know how to fill a "
                    + schema.getType() + " (" + path + "): extend it");
        };
    }
}
