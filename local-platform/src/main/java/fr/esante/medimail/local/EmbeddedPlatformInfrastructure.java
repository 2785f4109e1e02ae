package fr.esante.medimail.local;

import java.util.Map;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;

/** The in-JVM Kafka, PostgreSQL and GreenMail, with the in-memory schema registry shared by the JVM. */
public record EmbeddedPlatformInfrastructure(EmbeddedInfrastructure embedded) implements PlatformInfrastructure {

    @Override
    public Map<String, Object> propertiesFor(String database) {
        return embedded.springProperties(database);
    }

    @Override
    public String kafkaBootstrapServers() {
        return embedded.kafkaBootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return "mock://medimail";
    }
}
