package fr.esante.medimail.support.outbox;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import fr.esante.medimail.schemas.Topic;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.tracing.TraceContexts;

/**
 * Moves recorded events from the outbox table to Kafka, oldest first, and marks each one published only
 * after the broker acknowledged it ({@code acks=all}). A crash between the acknowledgement and the mark
 * re-sends the event: delivery is at-least-once, and consumers deduplicate on the event id.
 * An advisory lock keeps a single relay per database at a time, so events leave in the order they were recorded.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6d65646d61696cL; // "medmail"

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, Object> kafka;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Map<String, Schema> writerSchemas = new ConcurrentHashMap<>();
    private final TraceContexts traces;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, Object> kafka,
                       int batchSize, Duration sendTimeout) {
        this(jdbc, transactions, kafka, batchSize, sendTimeout, TraceContexts.NONE);
    }

    /** With {@code traces}, each event is sent inside the trace of the transaction that recorded it. */
    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, Object> kafka,
                       int batchSize, Duration sendTimeout, TraceContexts traces) {
        this.traces = traces;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
    }

    @Scheduled(fixedDelayString = "${medimail.outbox.poll-interval:100ms}", initialDelayString = "${medimail.outbox.initial-delay:1s}")
    public void relayPending() {
        Integer published;
        do {
            published = transactions.execute(status -> relayBatch());
        } while (published != null && published == batchSize);
    }

    /** Returns how many events were published; stops at the first failed send, to keep the order. */
    int relayBatch() {
        Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", RELAY_LOCK)
                .query(Boolean.class).single();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<PendingEvent> pending = jdbc.sql("""
                        SELECT id, topic, record_key, payload, writer_schema, trace_parent FROM outbox_event
                        WHERE published_at IS NULL AND failure IS NULL ORDER BY id LIMIT :limit""")
                .param("limit", batchSize)
                .query((rs, n) -> new PendingEvent(rs.getLong("id"), rs.getString("topic"), rs.getString("record_key"),
                        rs.getBytes("payload"), rs.getString("writer_schema"), rs.getString("trace_parent")))
                .list();
        List<Long> sent = new ArrayList<>();
        for (PendingEvent event : pending) {
            SpecificRecord record;
            try {
                record = event.decode(writerSchemas);
            } catch (RuntimeException e) {
                // Retrying cannot help; the row is kept, with the reason, for someone to look at.
                log.error("Outbox event {} to {} cannot be decoded and is set aside: {}", event.id(), event.topic(), e.toString());
                jdbc.sql("UPDATE outbox_event SET failure = :failure WHERE id = :id")
                        .param("failure", e.toString()).param("id", event.id()).update();
                continue;
            }
            // The Kafka observation of the template writes the current trace into the record's headers.
            try (TraceContexts.Scope scope = traces.continueFrom(event.traceParent(), "outbox relay " + event.topic())) {
                kafka.send(event.topic(), event.key(), record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                sent.add(event.id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                log.warn("Outbox event {} to {} not published yet, will retry: {}", event.id(), event.topic(), e.toString());
                break;
            }
        }
        if (!sent.isEmpty()) {
            jdbc.sql("UPDATE outbox_event SET published_at = now() WHERE id IN (:ids)").param("ids", sent).update();
            log.debug("Published {} outbox event(s)", sent.size());
        }
        return sent.size();
    }

    /** Published events are kept a while for audit and troubleshooting, then removed. */
    @Scheduled(fixedDelayString = "${medimail.outbox.purge-interval:1h}", initialDelayString = "${medimail.outbox.purge-interval:1h}")
    public void purgePublished() {
        int removed = jdbc.sql("DELETE FROM outbox_event WHERE published_at < now() - make_interval(days => :days)")
                .param("days", 7).update();
        if (removed > 0) {
            log.info("Purged {} published outbox event(s) older than 7 days", removed);
        }
    }

    record PendingEvent(long id, String topic, String key, byte[] payload, String writerSchema, String traceParent) {

        /**
         * Reads the event with the schema it was written with, into the current class (Avro schema resolution);
         * {@code null} for a tombstone (no payload), which is sent as a record without value.
         */
        SpecificRecord decode(Map<String, Schema> parsedSchemas) {
            Topic<?> topic = Topics.named(this.topic)
                    .orElseThrow(() -> new IllegalStateException("Outbox holds an event for unknown topic " + this.topic));
            if (payload == null) {
                return null;
            }
            Schema readerSchema = SpecificData.get().getSchema(topic.valueType());
            Schema writer = writerSchema == null ? readerSchema
                    : parsedSchemas.computeIfAbsent(writerSchema, json -> new Schema.Parser().parse(json));
            try {
                return new SpecificDatumReader<SpecificRecord>(writer, readerSchema)
                        .read(null, DecoderFactory.get().binaryDecoder(payload, null));
            } catch (IOException e) {
                throw new IllegalStateException("Outbox event " + id + " cannot be decoded", e);
            }
        }
    }
}
