package fr.esante.medimail.support.tracing;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries a trace across a hop that is neither HTTP nor Kafka: the outbox table. {@link #current()} gives the W3C
 * {@code traceparent} of the span in progress (stored with the outbox row); {@link #continueFrom} starts a span that is a
 * child of such a stored context (the relay publishes inside it, so the Kafka record carries the same trace onwards).
 * {@link #NONE} is used where no tracer is configured (unit tests): nothing is stored, nothing continued.
 */
public class TraceContexts {

    public static final TraceContexts NONE = new TraceContexts(null, null);

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContexts(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The {@code traceparent} of the current span, or {@code null} outside any trace. */
    public String current() {
        if (tracer == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext context = span.context();
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Starts (and makes current) a span named {@code name}, child of the stored {@code traceparent} when there is one, a
     * new trace otherwise. The caller closes the returned scope, which ends the span.
     */
    public Scope continueFrom(String traceParent, String name) {
        if (tracer == null) {
            return () -> { };
        }
        Span span;
        if (traceParent == null || traceParent.isBlank()) {
            span = tracer.nextSpan().name(name).start();
        } else {
            Map<String, String> carrier = Map.of(TRACEPARENT, traceParent);
            span = propagator.extract(carrier, Map::get).name(name).start();
        }
        Tracer.SpanInScope inScope = tracer.withSpan(span);
        return () -> {
            inScope.close();
            span.end();
        };
    }

    /** A started span made current; closing it ends the span. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
