package fr.esante.medimail.local;

import java.util.Map;

/**
 * Where the services find Kafka, the schema registry, PostgreSQL and SMTP: the embedded infrastructure of
 * the local stack and the tests, or containers/external servers.
 */
public interface PlatformInfrastructure {

    /** Spring properties pointing one service at this infrastructure, in its own database. */
    Map<String, Object> propertiesFor(String database);

    String kafkaBootstrapServers();

    String schemaRegistryUrl();
}
