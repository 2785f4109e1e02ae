package fr.esante.medimail.support.outbox;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

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
 * It runs on its own thread, woken right after a transaction that recorded events commits, and by a poll.
 *
 * <p>The poll is only a fallback (rows no signal announced), so it backs off while it finds the outbox empty: the
 * interval doubles after each empty run, up to {@code idlePollInterval}, and drops back to the configured poll interval
 * as soon as a run publishes or fails to publish something, or finds the relay lock taken (another instance relaying,
 * whose rows this one must pick up promptly). An idle service then costs one outbox query per
 * {@code idlePollInterval} instead of ten a second; a signalled event leaves at once as before.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6d65646d61696cL; // "medmail"
    /** What {@link #relayBatch} answers when it held the lock and found nothing to publish. */
    private static final int EMPTY = -1;

    /*
     * Fault injection, for fault-injection-tests only: the JVM halts (as if SIGKILLed) just before publishing the
     * Nth event it relays (its row committed, the event not sent), or just after the broker acknowledged the Nth
     * event and before the row is marked published (the event will be sent again). The system properties are never
     * set outside that suite, so in production both counters stay unused.
     */
    private static final long HALT_BEFORE_PUBLISH = Long.getLong("medimail.fault-injection.outbox.halt-before-publish", 0);
    private static final long HALT_AFTER_PUBLISH = Long.getLong("medimail.fault-injection.outbox.halt-after-publish", 0);
    private static final AtomicLong RELAYED = new AtomicLong();
    private static final AtomicLong ACKNOWLEDGED = new AtomicLong();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, Object> kafka;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Map<String, Schema> writerSchemas = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean runRequested = new AtomicBoolean();
    private final TraceContexts traces;
    private final Duration idlePollInterval;
    /** {@link System#nanoTime()} before which the fallback poll does nothing (0: poll at every tick). */
    private final AtomicLong quietUntil = new AtomicLong();
    /** Consecutive runs that found the outbox empty; touched by the relay's thread only. */
    private int emptyRuns;
    /** Fallback poll interval, read from the schedule's setting, for the back-off's first step. */
    private final Duration pollInterval;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, Object> kafka,
                       int batchSize, Duration sendTimeout) {
        this(jdbc, transactions, kafka, batchSize, sendTimeout, TraceContexts.NONE);
    }

    /** With {@code traces}, each event is sent inside the trace of the transaction that recorded it. */
    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, Object> kafka,
                       int batchSize, Duration sendTimeout, TraceContexts traces) {
        this(jdbc, transactions, kafka, batchSize, sendTimeout, traces, Duration.ofMillis(100), Duration.ofMillis(100));
    }

    /**
     * @param pollInterval     the fallback poll's interval ({@code medimail.outbox.poll-interval})
     * @param idlePollInterval the longest the fallback poll backs off to while the outbox stays empty
     */
    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, Object> kafka,
                       int batchSize, Duration sendTimeout, TraceContexts traces, Duration pollInterval,
                       Duration idlePollInterval) {
        this.traces = traces;
        this.pollInterval = pollInterval;
        this.idlePollInterval = idlePollInterval.compareTo(pollInterval) < 0 ? pollInterval : idlePollInterval;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
    }

    /**
     * Fallback poll: picks up rows that no in-process signal announced (events recorded before start, by another
     * instance, or left by a failed send). Runs the relay on its own thread, like a signal does.
     */
    @Scheduled(fixedDelayString = "${medimail.outbox.poll-interval:100ms}", initialDelayString = "${medimail.outbox.initial-delay:1s}")
    public void poll() {
        long quiet = quietUntil.get();
        if (quiet != 0 && System.nanoTime() - quiet < 0) {
            return;
        }
        wake();
    }

    /**
     * Asks for a relay run soon, on the relay's single thread; {@link Outbox} calls it after each transaction that
     * recorded events committed, so an event leaves without waiting for the next poll. Requests made while a run is
     * queued are merged into it; a request made during a run queues one more run, so no committed row is missed.
     */
    public void wake() {
        if (runRequested.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    runRequested.set(false);
                    boolean empty = false;
                    try {
                        empty = relayPending();
                    } catch (RuntimeException e) {
                        log.warn("Outbox relay run failed, the next poll retries: {}", e.toString());
                    }
                    backOffIf(empty);
                });
            } catch (RejectedExecutionException e) {
                runRequested.set(false); // shutting down
            }
        }
    }

    /** Relays until the outbox is drained; returns whether the first batch found the outbox empty (lock held). */
    public boolean relayPending() {
        Integer published;
        boolean first = true;
        boolean empty = false;
        do {
            published = transactions.execute(status -> relayBatch());
            if (first) {
                empty = published != null && published == EMPTY;
                first = false;
            }
        } while (published != null && published == batchSize);
        return empty;
    }

    /** After an empty run the next fallback poll waits twice as long as the last, up to the idle interval. */
    private void backOffIf(boolean empty) {
        if (!empty) {
            emptyRuns = 0;
            quietUntil.set(0);
            return;
        }
        emptyRuns = Math.min(emptyRuns + 1, 30);
        long wait = Math.min(idlePollInterval.toNanos(), pollInterval.toNanos() << Math.min(emptyRuns, 20));
        long until = System.nanoTime() + wait;
        quietUntil.set(until == 0 ? 1 : until);
    }

    /**
     * Returns how many events were published. Sends the whole batch, then waits for the acknowledgements: the
     * producer is idempotent, so Kafka keeps each partition's records in the order they were sent, retries included,
     * and the batch costs one round trip instead of one per event. Marks published the events up to the first one
     * not acknowledged; that one and the rest are sent again by the next run (consumers ignore the duplicates).
     */
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
        if (pending.isEmpty()) {
            return EMPTY;
        }
        List<Long> ids = new ArrayList<>();
        List<CompletableFuture<?>> acknowledgements = new ArrayList<>();
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
            haltForFaultInjection(HALT_BEFORE_PUBLISH, RELAYED, "before publishing");
            // The Kafka observation of the template writes the current trace into the record's headers, at send.
            try (TraceContexts.Scope scope = traces.continueFrom(event.traceParent(), "outbox relay " + event.topic())) {
                acknowledgements.add(kafka.send(event.topic(), event.key(), record));
                ids.add(event.id());
            } catch (RuntimeException e) {
                log.warn("Outbox event {} to {} not published yet, will retry: {}", event.id(), event.topic(), e.toString());
                break;
            }
        }
        List<Long> sent = new ArrayList<>();
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (int i = 0; i < acknowledgements.size(); i++) {
            try {
                acknowledgements.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(ids.get(i));
                haltForFaultInjection(HALT_AFTER_PUBLISH, ACKNOWLEDGED, "after publishing, before marking published");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                log.warn("Outbox event {} not published yet, will retry: {}", ids.get(i), e.toString());
                break;
            }
        }
        if (!sent.isEmpty()) {
            jdbc.sql("UPDATE outbox_event SET published_at = now() WHERE id IN (:ids)").param("ids", sent).update();
            log.debug("Published {} outbox event(s)", sent.size());
        }
        return sent.size();
    }

    /** Stops the relay's thread; a run under way finishes its batch first. */
    public void close() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(sendTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
            worker.shutdownNow();
        }
    }

    private static void haltForFaultInjection(long at, AtomicLong counter, String where) {
        if (at > 0 && counter.incrementAndGet() == at) {
            log.warn("Fault injection: halting the JVM {} outbox event #{}", where, at);
            Runtime.getRuntime().halt(137);
        }
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
