package fr.esante.medimail.support.inbox;

import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

import fr.esante.medimail.schemas.Topic;

/**
 * Builds the functions that Spring Cloud Stream binds to topics. Each one decodes the record with the
 * topic's Avro serde, then, in one database transaction, records the event id as processed and runs the
 * handler: a redelivered event finds its id already recorded and changes nothing. The binding only
 * acknowledges the record after this transaction committed.
 *
 * <p>Bindings receive the raw bytes (native decoding with a byte-array deserializer) and decoding happens
 * here, so that a record that cannot be decoded reaches the dead-letter topic byte for byte as it arrived.
 */
public class EventConsumers {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Map<String, ?> serdeConfig;
    private final String consumerName;

    public EventConsumers(JdbcClient jdbc, TransactionTemplate transactions, Map<String, ?> serdeConfig, String consumerName) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.serdeConfig = serdeConfig;
        this.consumerName = consumerName;
    }

    public <V extends SpecificRecord> Consumer<Message<byte[]>> consumer(Topic<V> topic, Consumer<V> handler) {
        return decoded(topic, (event, eventId) -> transactions.executeWithoutResult(status -> {
            int inserted = jdbc.sql("""
                            INSERT INTO processed_event (consumer, event_id, topic) VALUES (:consumer, :eventId, :topic)
                            ON CONFLICT DO NOTHING""")
                    .param("consumer", consumerName)
                    .param("eventId", eventId)
                    .param("topic", topic.name())
                    .update();
            if (inserted == 0) {
                log.info("Event {} on {} already processed by {}: ignored", eventId, topic.name(), consumerName);
                return;
            }
            handler.accept(event);
        }));
    }

    /**
     * For a handler whose effect leaves the process and cannot be rolled back with the database (an e-mail accepted by
     * an SMTP server). Run inside {@link #consumer}'s transaction, a database failure after that effect rolls back the
     * record of it, and the redelivery repeats it. Here the handler runs outside any transaction and must be idempotent
     * on its own, keeping its own record in transactions it commits itself; the event id is recorded as processed once
     * it returned (a redelivery of an event recorded then is skipped without reaching it). The binding still
     * acknowledges the record only after that, so nothing is acknowledged before it was durably handled.
     */
    public <V extends SpecificRecord> Consumer<Message<byte[]>> consumerOutsideTransaction(Topic<V> topic, Consumer<V> handler) {
        return decoded(topic, (event, eventId) -> {
            boolean processed = jdbc.sql("SELECT count(*) FROM processed_event WHERE consumer = :consumer AND event_id = :eventId")
                    .param("consumer", consumerName)
                    .param("eventId", eventId)
                    .query(Long.class).single() > 0;
            if (processed) {
                log.info("Event {} on {} already processed by {}: ignored", eventId, topic.name(), consumerName);
                return;
            }
            handler.accept(event);
            jdbc.sql("""
                            INSERT INTO processed_event (consumer, event_id, topic) VALUES (:consumer, :eventId, :topic)
                            ON CONFLICT DO NOTHING""")
                    .param("consumer", consumerName)
                    .param("eventId", eventId)
                    .param("topic", topic.name())
                    .update();
        });
    }

    /**
     * Decodes each record (a record that cannot be decoded is poison) and hands the event with its id to {@code body},
     * with this consumer and the event's account on every log line of its handling (logback's pattern and JSON).
     */
    private <V extends SpecificRecord> Consumer<Message<byte[]>> decoded(Topic<V> topic, BiConsumer<V, UUID> body) {
        Deserializer<V> deserializer = topic.valueDeserializer(serdeConfig);
        return message -> {
            V event = decode(topic, deserializer, message);
            UUID eventId = eventId(topic, event);
            String accountId = accountIdOf(event);
            try (MDC.MDCCloseable service = MDC.putCloseable("service", consumerName);
                 MDC.MDCCloseable mdc = accountId == null ? null : MDC.putCloseable("accountId", accountId)) {
                body.accept(event, eventId);
            }
        };
    }

    private static String accountIdOf(SpecificRecord event) {
        org.apache.avro.Schema.Field field = event.getSchema().getField("accountId");
        Object value = field == null ? null : event.get(field.pos());
        return value == null ? null : value.toString();
    }

    private static <V extends SpecificRecord> V decode(Topic<V> topic, Deserializer<V> deserializer, Message<byte[]> message) {
        byte[] payload = message.getPayload();
        try {
            V event = deserializer.deserialize(topic.name(), payload);
            if (event == null) {
                throw new PoisonEventException("Empty record (tombstone) on " + topic.name() + ": nothing to handle", null);
            }
            return event;
        } catch (RuntimeException e) {
            if (e instanceof PoisonEventException poison) {
                throw poison;
            }
            Object offset = message.getHeaders().get(KafkaHeaders.OFFSET);
            throw new PoisonEventException("Undecodable record on " + topic.name() + " at offset " + offset + ": " + e.getMessage(), e);
        }
    }

    private static UUID eventId(Topic<?> topic, SpecificRecord event) {
        Object id = event instanceof GenericRecord generic ? generic.get("eventId") : null;
        try {
            return UUID.fromString(String.valueOf(id));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Record on " + topic.name() + " has no valid eventId (" + id + ")", e);
        }
    }
}
