package fr.esante.medimail.support.metrics;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The service's outbox on {@code /actuator/prometheus}: events recorded but not yet on Kafka, how long the oldest has
 * waited (a relay that cannot reach the broker shows here first), and events set aside because they cannot be decoded.
 * Read from the database at each scrape.
 */
public class OutboxMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    public OutboxMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("medimail.outbox.pending", this, OutboxMetrics::pending)
                .description("Events recorded in the outbox and not yet published to Kafka").register(registry);
        Gauge.builder("medimail.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds).baseUnit("seconds")
                .description("How long the oldest unpublished outbox event has waited").register(registry);
        Gauge.builder("medimail.outbox.failed", this, OutboxMetrics::failed)
                .description("Outbox events set aside because they cannot be decoded (need a person)").register(registry);
    }

    private double pending() {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND failure IS NULL")
                .query(Long.class).single();
    }

    private double oldestAgeSeconds() {
        Double age = jdbc.sql("""
                        SELECT extract(epoch FROM now() - min(created_at)) FROM outbox_event
                        WHERE published_at IS NULL AND failure IS NULL""")
                .query(Double.class).optional().orElse(null);
        return age == null ? 0 : Math.max(0, age);
    }

    private double failed() {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE failure IS NOT NULL").query(Long.class).single();
    }
}
