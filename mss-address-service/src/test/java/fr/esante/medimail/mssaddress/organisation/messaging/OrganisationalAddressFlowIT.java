package fr.esante.medimail.mssaddress.organisation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.embedded.KafkaTestClient;
import fr.esante.medimail.events.OrganisationalAddressAssigned;
import fr.esante.medimail.events.OrganisationalStructureChecked;
import fr.esante.medimail.mssaddress.MssAddressServiceTest;
import fr.esante.medimail.schemas.Topic;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.schemas.serde.AvroSerializer;

/** An accepted structure check in, an OrganisationalAddressAssigned out (outbox, wire format); a refused one, nothing. */
@MssAddressServiceTest
class OrganisationalAddressFlowIT {

    private static final Map<String, String> SERDE = Map.of("schema.registry.url", "mock://medimail");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    JdbcClient jdbc;

    private final KafkaTestClient kafka = new KafkaTestClient(EmbeddedInfrastructure.shared().kafkaBootstrapServers());
    private final AvroSerializer serializer = new AvroSerializer();

    {
        serializer.configure(SERDE, false);
    }

    @Test
    void anAcceptedStructureGetsItsOrgAddressOnceAndARefusedOneNone() {
        String label = "Secrétariat " + letters();
        OrganisationalStructureChecked refused = checked(label, false);
        OrganisationalStructureChecked accepted = checked(label, true);
        OrganisationalStructureChecked sameLabel = checked(label, true);

        send(refused);
        send(accepted);
        send(accepted);
        send(sameLabel);

        List<OrganisationalAddressAssigned> answers = eventsUntil(Topics.ORGANISATIONAL_ADDRESS_ASSIGNED,
                e -> e.getRequestId().equals(sameLabel.getRequestId()));
        String stem = "secretariat-" + label.substring("Secrétariat ".length());
        assertThat(answers).filteredOn(e -> e.getRequestId().equals(accepted.getRequestId()))
                .extracting(OrganisationalAddressAssigned::getAddress)
                .containsExactly(stem + "@finess-010780195.oc.mssante.fr");
        assertThat(answers.get(answers.size() - 1).getAddress()).isEqualTo(stem + "2@finess-010780195.oc.mssante.fr");
        assertThat(answers.get(answers.size() - 1).getRequesterEmail()).isEqualTo("owner@example.org");
        assertThat(answers).noneMatch(e -> e.getRequestId().equals(refused.getRequestId()));
        assertThat(jdbc.sql("SELECT count(*) FROM issued_organisational_address WHERE request_id = :id")
                .param("id", refused.getRequestId()).query(Integer.class).single()).isZero();
    }

    private void send(OrganisationalStructureChecked event) {
        kafka.send(Topics.ORGANISATIONAL_STRUCTURE_CHECKED.name(), event.getAccountId().toString(),
                serializer.serialize(Topics.ORGANISATIONAL_STRUCTURE_CHECKED.name(), event));
    }

    private <V extends SpecificRecord> V awaitEvent(Topic<V> topic, UUID accountId) {
        List<V> events = eventsUntil(topic, e -> accountId.equals(((GenericRecord) e).get("accountId")));
        return events.get(events.size() - 1);
    }

    /** Every record of the topic from its beginning up to the first that matches {@code last}, decoded. */
    private <V extends SpecificRecord> List<V> eventsUntil(Topic<V> topic, Predicate<V> last) {
        var deserializer = topic.valueDeserializer(SERDE);
        List<V> read = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic.name()));
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    V event = deserializer.deserialize(topic.name(), record.value());
                    read.add(event);
                    if (last.test(event)) {
                        return read;
                    }
                }
            }
        }
        throw new AssertionError("No matching record on " + topic.name() + " within " + TIMEOUT);
    }

    private static OrganisationalStructureChecked checked(String label, boolean accepted) {
        return OrganisationalStructureChecked.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setRequestId(UUID.randomUUID()).setLabel(label).setStructureIdentifierType("FINESS")
                .setStructureIdentifier("010780195").setPurpose("Courrier du service").setRequesterRegistrationId("R-1")
                .setRequesterLastName("Durand").setRequesterFirstName("Jean").setRequesterEmail("owner@example.org")
                .setAccepted(accepted).setReason(accepted ? null : "INVALID_CHECK_DIGIT")
                .build();
    }

    /** Unique per test run, and letters only: a digit in a name would be dropped. */
    private static String letters() {
        return ThreadLocalRandom.current().ints(10, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
