package fr.esante.medimail.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.avro.Schema;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import fr.esante.medimail.schemas.registry.InMemorySchemaRegistry;
import fr.esante.medimail.schemas.registry.SchemaRegistryException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services of this suite run in their own JVMs, so the in-memory registry ({@code mock://}) cannot be shared by
 * reference: this serves it over the Confluent REST calls that {@code HttpSchemaRegistryClient} makes. It lives in the
 * test JVM, which is never killed, so schema ids stay the same for the whole run.
 */
final class SchemaRegistryServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope("fault-injection");
    private final HttpServer server;

    SchemaRegistryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String[] path = exchange.getRequestURI().getRawPath().substring(1).split("/");
        try {
            JsonNode body = "GET".equals(method) ? null : JSON.readTree(exchange.getRequestBody().readAllBytes());
            Object answer;
            if (path[0].equals("subjects") && path.length == 3 && path[2].equals("versions") && method.equals("POST")) {
                answer = Map.of("id", registry.register(subject(path[1]), schema(body)));
            } else if (path[0].equals("subjects") && path.length == 2 && method.equals("POST")) {
                String subject = subject(path[1]);
                answer = Map.of("subject", subject, "id", registry.lookUp(subject, schema(body)), "version", 1,
                        "schema", body.get("schema").asString());
            } else if (path[0].equals("schemas") && path.length == 3 && path[1].equals("ids")) {
                answer = Map.of("schema", registry.schemaById(Integer.parseInt(path[2])).toString());
            } else if (path[0].equals("subjects") && path.length == 4 && path[3].equals("latest")) {
                var latest = registry.latest(subject(path[1]));
                answer = Map.of("subject", latest.subject(), "id", latest.id(), "version", latest.version(),
                        "schema", latest.schema().toString());
            } else if (path[0].equals("compatibility") && path.length == 5) {
                answer = Map.of("is_compatible", registry.isCompatibleWithLatest(subject(path[2]), schema(body)));
            } else if (path[0].equals("config") && path.length == 2) {
                registry.setCompatibility(subject(path[1]), body.get("compatibility").asString());
                answer = Map.of("compatibility", body.get("compatibility").asString());
            } else {
                respond(exchange, 404, Map.of("error_code", 404, "message", "no such call"));
                return;
            }
            respond(exchange, 200, answer);
        } catch (SchemaRegistryException.NotFound e) {
            respond(exchange, 404, Map.of("error_code", e.errorCode(), "message", e.getMessage()));
        } catch (SchemaRegistryException.IncompatibleSchema e) {
            respond(exchange, 409, Map.of("error_code", 409, "message", e.getMessage()));
        } catch (RuntimeException e) {
            respond(exchange, 500, Map.of("error_code", 50001, "message", String.valueOf(e)));
        }
    }

    private static String subject(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static Schema schema(JsonNode body) {
        return new Schema.Parser().parse(body.get("schema").asString());
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
