package fr.esante.medimail.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Chooses the client for a {@code schema.registry.url}: {@code mock://scope} or an HTTP base URL. */
public final class SchemaRegistryClients {

    public static final String MOCK_PREFIX = "mock://";
    private static final Map<String, SchemaRegistryClient> HTTP_CLIENTS = new ConcurrentHashMap<>();

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient forUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("schema.registry.url is required (an http(s) URL or mock://<scope>)");
        }
        if (url.startsWith(MOCK_PREFIX)) {
            return InMemorySchemaRegistry.forScope(url.substring(MOCK_PREFIX.length()));
        }
        // Confluent accepts a comma-separated list; the first URL is used, as a load balancer usually fronts it.
        String first = url.split(",")[0].trim();
        return HTTP_CLIENTS.computeIfAbsent(first, u -> new CachingSchemaRegistryClient(new HttpSchemaRegistryClient(u)));
    }
}
