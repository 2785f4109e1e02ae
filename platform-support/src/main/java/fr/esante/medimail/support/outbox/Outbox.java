package fr.esante.medimail.support.outbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import fr.esante.medimail.schemas.Topic;
import fr.esante.medimail.support.tracing.TraceContexts;

/**
 * Records an event in the same database transaction as the state change that produced it; the
 * {@link OutboxRelay} publishes it to Kafka afterwards. Either both the change and the event are kept,
 * or neither is: an event can be neither lost nor invented.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final TraceContexts traces;
    private final Runnable afterCommit;

    public Outbox(JdbcClient jdbc) {
        this(jdbc, TraceContexts.NONE);
    }

    /** With {@code traces}, each row keeps the trace context of the transaction that wrote it (the relay continues it). */
    public Outbox(JdbcClient jdbc, TraceContexts traces) {
        this(jdbc, traces, () -> { });
    }

    /** {@code afterCommit} runs once after each transaction that recorded events committed (it wakes the relay). */
    public Outbox(JdbcClient jdbc, TraceContexts traces, Runnable afterCommit) {
        this.jdbc = jdbc;
        this.traces = traces;
        this.afterCommit = afterCommit;
    }

    /** Must run inside the transaction of the state change; refuses to run outside one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <V extends SpecificRecord> void append(Topic<V> topic, String key, V event) {
        jdbc.sql("""
                        INSERT INTO outbox_event (topic, record_key, payload, writer_schema, trace_parent)
                        VALUES (:topic, :key, :payload, :writerSchema, :traceParent)""")
                .param("topic", topic.name())
                .param("key", key)
                .param("payload", encode(event))
                .param("writerSchema", event.getSchema().toString())
                .param("traceParent", traces.current())
                .update();
        signalAfterCommit();
    }

    /**
     * Records a tombstone: a record with this key and no value, which makes a compacted topic forget the key.
     * Must run inside the transaction of the state change, like {@link #append}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendTombstone(Topic<?> topic, String key) {
        jdbc.sql("""
                        INSERT INTO outbox_event (topic, record_key, payload, writer_schema, trace_parent)
                        VALUES (:topic, :key, NULL, NULL, :traceParent)""")
                .param("topic", topic.name())
                .param("key", key)
                .param("traceParent", traces.current())
                .update();
        signalAfterCommit();
    }

    /** Once per transaction, however many events it records: a rolled-back transaction signals nothing. */
    private void signalAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
                    if (status == STATUS_COMMITTED) {
                        try {
                            afterCommit.run();
                        } catch (RuntimeException e) {
                            // e.g. the relay is shutting down: the event is recorded, a poll or the next start sends it
                        }
                    }
                }
            });
        }
    }

    static byte[] encode(SpecificRecord event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new SpecificDatumWriter<SpecificRecord>(event.getSchema()).write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
