package fr.esante.medimail.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Talks to a Confluent Schema Registry over its REST API. Transient failures (no answer, 5xx, 429) are
 * retried with exponential back-off; answers that will not change by retrying (409 incompatible,
 * 404, 422 invalid) are turned into specific exceptions at once.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger log = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);

    private final URI baseUri;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Retry retry;
    private final ObjectMapper json = new ObjectMapper();

    public HttpSchemaRegistryClient(String baseUrl, Duration requestTimeout, int maxAttempts, Duration firstBackoff) {
        this.baseUri = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
        this.retry = Retry.of("schema-registry", RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(firstBackoff, 2.0))
                .retryOnException(e -> e instanceof SchemaRegistryException sre && sre.isTransient())
                .build());
        retry.getEventPublisher().onRetry(e -> log.warn("Schema registry call failed ({}), attempt {} of {}",
                e.getLastThrowable().getMessage(), e.getNumberOfRetryAttempts(), maxAttempts));
    }

    public HttpSchemaRegistryClient(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(5), 4, Duration.ofMillis(200));
    }

    @Override
    public int register(String subject, Schema schema) {
        String path = "/subjects/" + encode(subject) + "/versions";
        return required(call(() -> post(path, schemaBody(schema))), "id", path).asInt();
    }

    @Override
    public int lookUp(String subject, Schema schema) {
        String path = "/subjects/" + encode(subject);
        return required(call(() -> post(path, schemaBody(schema))), "id", path).asInt();
    }

    @Override
    public Schema schemaById(int id) {
        String path = "/schemas/ids/" + id;
        return parse(required(call(() -> get(path)), "schema", path).asText(), path);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        String path = "/subjects/" + encode(subject) + "/versions/latest";
        JsonNode body = call(() -> get(path));
        return new RegisteredSchema(body.path("subject").asText(subject), required(body, "id", path).asInt(),
                body.path("version").asInt(), parse(required(body, "schema", path).asText(), path));
    }

    @Override
    public boolean isCompatibleWithLatest(String subject, Schema schema) {
        return call(() -> post("/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema)))
                .path("is_compatible").asBoolean(false);
    }

    @Override
    public void setCompatibility(String subject, String level) {
        call(() -> send(HttpRequest.newBuilder(uri("/config/" + encode(subject)))
                .PUT(HttpRequest.BodyPublishers.ofString(toJson(Map.of("compatibility", level))))));
    }

    private JsonNode call(Supplier<JsonNode> request) {
        return Retry.decorateSupplier(retry, request).get();
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private JsonNode post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(requestTimeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("Accept", CONTENT_TYPE + ", application/json")
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SchemaRegistryException("Schema registry at " + baseUri + " unreachable: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while calling the schema registry", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return json.readTree(response.body());
            } catch (IOException e) {
                throw new SchemaRegistryException("Schema registry answered " + status + " with a body that is not JSON: "
                        + abbreviate(response.body()), status, 0);
            }
        }
        throw errorFor(request, status, response.body());
    }

    private SchemaRegistryException errorFor(HttpRequest request, int status, String body) {
        int errorCode = 0;
        String message = body;
        try {
            JsonNode node = json.readTree(body);
            errorCode = node.path("error_code").asInt(0);
            message = node.path("message").asText(body);
        } catch (IOException | RuntimeException notJson) {
            // Proxies answer with HTML; keep the raw body as the message.
        }
        message = abbreviate(message);
        String where = request.method() + " " + request.uri().getPath();
        String text = "Schema registry refused " + where + " (HTTP " + status + ", error " + errorCode + "): " + message;
        // Confluent uses 409 (up to CP 7) and 40901 (CP 8) for incompatibility: the HTTP status is the stable signal.
        return switch (status) {
            case 409 -> new SchemaRegistryException.IncompatibleSchema(text, errorCode);
            case 404 -> new SchemaRegistryException.NotFound(text, errorCode);
            case 422 -> new SchemaRegistryException.InvalidSchema(text, errorCode);
            default -> new SchemaRegistryException(text, status, errorCode);
        };
    }

    private String schemaBody(Schema schema) {
        return toJson(Map.of("schema", schema.toString()));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUri + path);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A field every success answer of this call carries; its absence is a registry (or proxy) fault, not a bug here. */
    private JsonNode required(JsonNode body, String field, String path) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || value.isNull()) {
            throw new SchemaRegistryException("Schema registry at " + baseUri + " answered " + path + " without \"" + field
                    + "\": " + abbreviate(String.valueOf(body)), 200, 0);
        }
        return value;
    }

    private static Schema parse(String schema, String path) {
        try {
            return new Schema.Parser().parse(schema);
        } catch (RuntimeException e) {
            throw new SchemaRegistryException("Schema registry answered " + path + " with a schema Avro cannot parse: "
                    + e.getMessage(), 200, 0);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
