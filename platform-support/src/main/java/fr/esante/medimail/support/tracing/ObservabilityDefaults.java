package fr.esante.medimail.support.tracing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Traces and metrics every service starts with, at the lowest precedence (a service's yml, the environment or the command
 * line override any of them). The README ("Operations: traces, metrics, contracts") lists them.
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = defaults();

    private static Map<String, Object> defaults() {
        Map<String, Object> settings = new LinkedHashMap<>();
        // Every registration is traced: the volume is small, and a sampled-out registration is the one someone asks about.
        settings.put("management.tracing.sampling.probability", "1.0");
        // W3C trace context (traceparent) in HTTP and Kafka headers.
        settings.put("management.tracing.propagation.type", "w3c");
        // Kafka records carry the trace: the binder's consumers continue it, its producers (dead letters) pass it on.
        settings.put("spring.cloud.stream.kafka.binder.enable-observation", "true");
        settings.put("spring.kafka.template.observation-enabled", "true");
        settings.put("spring.kafka.listener.observation-enabled", "true");
        // Spans leave the process only when an OTLP endpoint is configured, e.g.
        // MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT=http://collector:4318/v1/traces
        settings.put("management.opentelemetry.resource-attributes.service.namespace", "medimail");
        // Every meter names its service, so one Prometheus (or one JVM running all five) tells them apart.
        settings.put("management.metrics.tags.application", "${spring.application.name}");
        // The OpenAPI document each service serves on /v3/api-docs (committed under docs/openapi, checked by a test):
        // OpenAPI 3.1, the HTTP API only (not the pages), keys sorted so that the document is the same at every start.
        settings.put("springdoc.api-docs.version", "openapi_3_1");
        settings.put("springdoc.paths-to-match", "/api/**");
        settings.put("springdoc.writer-with-order-by-keys", "true");
        return Map.copyOf(settings);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("medimail-observability", DEFAULTS));
    }
}
