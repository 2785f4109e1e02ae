package fr.esante.medimail.backoffice.promise.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import fr.esante.medimail.backoffice.promise.WaitingItems;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The queue's health for operators, on {@code /actuator/prometheus} (authenticated): queue length and age of the
 * oldest item per kind, and the decisions taken over the last hour. Read from the database at each scrape, so every
 * instance reports the same figures.
 */
@Component
class QueueMetrics implements MeterBinder {

    private final WaitingItems items;
    private final Clock clock;

    QueueMetrics(WaitingItems items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String kind : new String[] {"ACCOUNT", "IDENTITY", "ORG"}) {
            Gauge.builder("medimail.backoffice.queue.length", items, i -> i.pending(kind))
                    .description("Items waiting for a staff decision").tag("kind", kind).register(registry);
            Gauge.builder("medimail.backoffice.queue.oldest.age", items, i -> oldestAgeSeconds(i, kind))
                    .description("How long the oldest waiting item has waited").baseUnit("seconds").tag("kind", kind)
                    .register(registry);
        }
        Gauge.builder("medimail.backoffice.decisions.last.hour", items,
                        i -> i.decidedSince(clock.instant().minus(Duration.ofHours(1))))
                .description("Staff decisions (accounts, identities, ORG mailboxes) over the last hour").register(registry);
    }

    private double oldestAgeSeconds(WaitingItems items, String kind) {
        Instant oldest = items.oldestWaitingSince(kind);
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds());
    }
}
