package fr.esante.medimail.schemas.registry;

import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry REST API that the serde and deployment steps need.
 * Implementations: {@link HttpSchemaRegistryClient} (a real registry) and {@link InMemorySchemaRegistry}
 * (what {@code mock://scope} URLs select).
 */
public interface SchemaRegistryClient {

    /** {@code POST /subjects/{subject}/versions}: registers the schema (or finds it) and returns its global id. */
    int register(String subject, Schema schema);

    /** {@code POST /subjects/{subject}}: the id of a schema already registered under the subject. */
    int lookUp(String subject, Schema schema);

    /** {@code GET /schemas/ids/{id}}. */
    Schema schemaById(int id);

    /** {@code GET /subjects/{subject}/versions/latest}. */
    RegisteredSchema latest(String subject);

    /** {@code POST /compatibility/subjects/{subject}/versions/latest}. */
    boolean isCompatibleWithLatest(String subject, Schema schema);

    /** {@code PUT /config/{subject}}, e.g. {@code BACKWARD}. */
    void setCompatibility(String subject, String level);

    record RegisteredSchema(String subject, int id, int version, Schema schema) {
    }
}
