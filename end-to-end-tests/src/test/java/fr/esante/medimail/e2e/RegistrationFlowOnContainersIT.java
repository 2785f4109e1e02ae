package fr.esante.medimail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.embedded.KafkaTestClient;
import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.local.LocalPlatform;
import fr.esante.medimail.local.PlatformServices;
import fr.esante.medimail.schemas.Topics;
import tools.jackson.databind.JsonNode;

/**
 * The same journey against containers: Kafka, a real Confluent Schema Registry (so the serde speaks its REST
 * API for real) and PostgreSQL. Skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class RegistrationFlowOnContainersIT {

    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.0")
            .withNetwork(NETWORK).withNetworkAliases("kafka")
            .withListener("kafka:19092");

    @Container
    static final GenericContainer<?> SCHEMA_REGISTRY = new GenericContainer<>("confluentinc/cp-schema-registry:7.7.1")
            .withNetwork(NETWORK).dependsOn(KAFKA)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .withExposedPorts(8081)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:16-alpine");

    private static PlatformServices platform;
    private static Mailbox mailbox;

    @BeforeAll
    static void startPlatform() {
        EmbeddedInfrastructure mail = EmbeddedInfrastructure.shared();
        platform = PlatformServices.start(new ContainerPlatformInfrastructure(KAFKA, SCHEMA_REGISTRY, POSTGRES, "127.0.0.1",
                mail.smtpPort()), true, LocalPlatform.localSettings());
        mailbox = new Mailbox("127.0.0.1", mail.imapPort());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aDoctorWithAnRppsGetsAValidatedMssAddressThroughARealSchemaRegistry() {
        RegistrationJourney jean = new RegistrationJourney(platform, mailbox, "Jean", "Durand");
        jean.register();
        jean.confirmEmailFromTheLinkInTheMail();
        jean.logIn();
        jean.submitProfile("NATIONAL_ID", "RPPS", "99800000012", "10");
        String address = jean.awaitStatus("VALIDATION_PENDING").get("mssAddress").asString();
        jean.approveAsReviewer(LocalPlatform.SEEDED_REVIEWER, "agent");

        String registryUrl = "http://" + SCHEMA_REGISTRY.getHost() + ":" + SCHEMA_REGISTRY.getMappedPort(8081);
        ConsumerRecord<String, byte[]> record = new KafkaTestClient(KAFKA.getBootstrapServers())
                .awaitRecords(Topics.ACCOUNT_VALIDATED.name(), r -> jean.registrationId.equals(r.key()), Duration.ofSeconds(60))
                .get(0);
        AccountValidated validated = Topics.ACCOUNT_VALIDATED.valueDeserializer(Map.of("schema.registry.url", registryUrl))
                .deserialize(Topics.ACCOUNT_VALIDATED.name(), record.value());
        assertThat(validated.getMssAddress()).isEqualTo(address);
        JsonNode me = jean.awaitStatus("VALIDATED");
        assertThat(me.get("mssAddress").asString()).isEqualTo(address);

        // Validated: signing in now takes the code e-mailed by cerbere@mipih.fr, then the terms of use.
        JsonNode signedIn = jean.signInWithTheEmailedCodeAndAcceptTheTerms();
        assertThat(signedIn.get("status").asString()).isEqualTo("VALIDATED");
    }
}
