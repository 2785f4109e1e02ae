package fr.esante.medimail.e2e;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An in-memory span exporter shared by the services of this test JVM: each service's OpenTelemetry SDK exports to it, as it
 * would to a collector over OTLP. Only services started with {@code medimail.test.capture-spans=true} get it (the other
 * end-to-end tests keep nothing in memory).
 */
final class CapturedSpans implements SpanExporter {

    static final CapturedSpans ALL = new CapturedSpans();

    private final ConcurrentLinkedQueue<SpanData> spans = new ConcurrentLinkedQueue<>();

    private CapturedSpans() {
    }

    List<SpanData> ofTrace(String traceId) {
        return spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    List<SpanData> all() {
        return List.copyOf(spans);
    }

    static String service(SpanData span) {
        return span.getResource().getAttribute(io.opentelemetry.api.common.AttributeKey.stringKey("service.name"));
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
        spans.addAll(batch);
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    /** Shared by all services: one stopping must not stop the others' export. */
    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    /** Registered in {@code META-INF/spring.factories} of the tests: gives the exporter to the services that ask for it. */
    public static final class Installer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (context.getEnvironment().getProperty("medimail.test.capture-spans", Boolean.class, false)) {
                context.getBeanFactory().registerSingleton("capturedSpans", ALL);
            }
        }
    }
}
