package fr.esante.medimail.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import fr.esante.medimail.local.PlatformInfrastructure;

/**
 * The services against real Kafka, Confluent Schema Registry and PostgreSQL containers (the production
 * shape), with the JVM's GreenMail standing in for the SMTP relay.
 */
record ContainerPlatformInfrastructure(KafkaContainer kafka, GenericContainer<?> schemaRegistry,
                                       PostgreSQLContainer postgres, String smtpHost, int smtpPort)
        implements PlatformInfrastructure {

    @Override
    public Map<String, Object> propertiesFor(String database) {
        createDatabase(database);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", "jdbc:postgresql://" + postgres.getHost() + ":"
                + postgres.getMappedPort(5432) + "/" + database);
        properties.put("spring.datasource.username", postgres.getUsername());
        properties.put("spring.datasource.password", postgres.getPassword());
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        properties.put("spring.mail.host", smtpHost);
        properties.put("spring.mail.port", smtpPort);
        return properties;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return "http://" + schemaRegistry.getHost() + ":" + schemaRegistry.getMappedPort(8081);
    }

    private void createDatabase(String database) {
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
    }
}
