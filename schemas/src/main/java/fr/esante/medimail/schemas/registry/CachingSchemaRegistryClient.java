package fr.esante.medimail.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

/**
 * Caches what never changes: a schema id's schema (ids are immutable) and the id of a schema under a
 * subject. Without it every record would cost a registry round trip.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryClient delegate;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> registeredIds = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> lookedUpIds = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public int register(String subject, Schema schema) {
        return registeredIds.computeIfAbsent(new SubjectSchema(subject, schema), k -> cacheSchema(delegate.register(subject, schema), schema));
    }

    @Override
    public int lookUp(String subject, Schema schema) {
        return lookedUpIds.computeIfAbsent(new SubjectSchema(subject, schema), k -> cacheSchema(delegate.lookUp(subject, schema), schema));
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, delegate::schemaById);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        // Not cached: "latest" changes when a new version is registered.
        return delegate.latest(subject);
    }

    @Override
    public boolean isCompatibleWithLatest(String subject, Schema schema) {
        return delegate.isCompatibleWithLatest(subject, schema);
    }

    @Override
    public void setCompatibility(String subject, String level) {
        delegate.setCompatibility(subject, level);
    }

    private int cacheSchema(int id, Schema schema) {
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    private record SubjectSchema(String subject, Schema schema) {
    }
}
