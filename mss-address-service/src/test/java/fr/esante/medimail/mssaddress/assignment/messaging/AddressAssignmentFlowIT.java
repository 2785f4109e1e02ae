package fr.esante.medimail.mssaddress.assignment.messaging;

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
import fr.esante.medimail.events.IdentityVerified;
import fr.esante.medimail.events.MssAddressAssigned;
import fr.esante.medimail.events.MssAddressRefused;
import fr.esante.medimail.mssaddress.MssAddressServiceTest;
import fr.esante.medimail.schemas.Topic;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.schemas.serde.AvroSerializer;

/**
 * The service as the platform sees it: an IdentityVerified record on Kafka in, an MssAddressAssigned or
 * MssAddressRefused record out (through the outbox relay), in the real wire format.
 */
@MssAddressServiceTest
class AddressAssignmentFlowIT {

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
    void anIdentityVerifiedGetsItsAddressAnnounced() {
        String lastName = "Durand-" + letters();
        IdentityVerified verified = identityVerified(UUID.randomUUID(), "Jean", lastName, "10", "PER");

        send(verified);

        MssAddressAssigned assigned = awaitEvent(Topics.MSS_ADDRESS_ASSIGNED, verified.getAccountId());
        String localPart = "jean.durand-" + lastName.substring("Durand-".length());
        assertThat(assigned.getLocalPart()).isEqualTo(localPart);
        assertThat(assigned.getDomain()).isEqualTo("medecin.oc.mssante.fr");
        assertThat(assigned.getAddress()).isEqualTo(localPart + "@medecin.oc.mssante.fr");
        assertThat(assigned.getMailboxType()).isEqualTo("PER");
        assertThat(assigned.getAccountId()).isEqualTo(verified.getAccountId());
        assertThat(assigned.getEventId()).isNotEqualTo(verified.getEventId());
        assertThat(jdbc.sql("SELECT address FROM issued_address WHERE account_id = :id").param("id", verified.getAccountId())
                .query(String.class).single()).isEqualTo(assigned.getAddress());
    }

    @Test
    void aHomonymGetsTheNextSuffixAndARedeliveredEventChangesNothing() {
        String lastName = "Le Gall-" + letters();
        IdentityVerified first = identityVerified(UUID.randomUUID(), "Yves", lastName, "60", "PER");
        IdentityVerified homonym = identityVerified(UUID.randomUUID(), "Yves", lastName, "60", "PER");

        send(first);
        send(first);
        send(homonym);

        // One partition, handled in order: once the homonym's answer is out, the duplicate was handled before it.
        List<MssAddressAssigned> answers = eventsUntil(Topics.MSS_ADDRESS_ASSIGNED,
                e -> e.getAccountId().equals(homonym.getAccountId()));
        List<MssAddressAssigned> forFirst = answers.stream()
                .filter(e -> e.getAccountId().equals(first.getAccountId())).toList();
        MssAddressAssigned forHomonym = answers.get(answers.size() - 1);
        String stem = "yves.le-gall-" + lastName.substring("Le Gall-".length());
        assertThat(forFirst).hasSize(1);
        assertThat(forFirst.get(0).getLocalPart()).isEqualTo(stem);
        assertThat(forHomonym.getLocalPart()).isEqualTo(stem + "2");
    }

    @Test
    void anIntMailboxVerifiedLaterWithANationalIdKeepsItsAddressAsPer() {
        UUID account = UUID.randomUUID();
        String lastName = "Œuvray-" + letters();
        IdentityVerified inTraining = identityVerified(account, "François", lastName, "40", "INT");
        IdentityVerified withRpps = identityVerified(account, "François", lastName, "40", "PER");

        send(inTraining);
        send(withRpps);

        List<MssAddressAssigned> answers = eventsUntil(Topics.MSS_ADDRESS_ASSIGNED,
                e -> e.getAccountId().equals(account) && e.getMailboxType().equals("PER"));
        List<MssAddressAssigned> forAccount = answers.stream().filter(e -> e.getAccountId().equals(account)).toList();
        assertThat(forAccount).extracting(MssAddressAssigned::getMailboxType).containsExactly("INT", "PER");
        assertThat(forAccount).extracting(MssAddressAssigned::getPreviousMailboxType)
                .as("the upgrade says what the mailbox was").containsExactly(null, "INT");
        assertThat(forAccount).extracting(MssAddressAssigned::getAddress).containsOnly(forAccount.get(0).getAddress());
        assertThat(forAccount.get(0).getAddress()).startsWith("francois.oeuvray-").endsWith("@chirurgien-dentiste.oc.mssante.fr");
    }

    @Test
    void anUnknownProfessionIsRefusedWithAReasonNotRetried() {
        IdentityVerified psychologist = identityVerified(UUID.randomUUID(), "Claire", "Martin-" + letters(), "93", "PER");

        send(psychologist);

        MssAddressRefused refused = awaitEvent(Topics.MSS_ADDRESS_REFUSED, psychologist.getAccountId());
        assertThat(refused.getReason()).isEqualTo("UNKNOWN_PROFESSION");
        assertThat(refused.getDetail()).contains("« 93 »").contains("profession");
        assertThat(jdbc.sql("SELECT count(*) FROM issued_address WHERE account_id = :id")
                .param("id", psychologist.getAccountId()).query(Integer.class).single()).isZero();
    }

    @Test
    void aNameWithoutRepresentableLetterIsRefused() {
        IdentityVerified unwritable = identityVerified(UUID.randomUUID(), "小龍", "李", "10", "PER");

        send(unwritable);

        MssAddressRefused refused = awaitEvent(Topics.MSS_ADDRESS_REFUSED, unwritable.getAccountId());
        assertThat(refused.getReason()).isEqualTo("NAME_NOT_REPRESENTABLE");
        assertThat(refused.getDetail()).isEqualTo("Le prénom « 小龍 » ne contient aucune lettre utilisable dans une adresse MSSanté.");
    }

    @Test
    void anEventBreakingTheContractGoesToTheDeadLetterTopicWithItsReason() {
        IdentityVerified broken = identityVerified(UUID.randomUUID(), "Jean", "Durand-" + letters(), "10", "ORG");

        send(broken);

        var dead = kafka.awaitRecords("error." + Topics.IDENTITY_VERIFIED.name() + ".mss-address-service",
                r -> broken.getAccountId().toString().equals(r.key()), TIMEOUT);
        assertThat(KafkaTestClient.header(dead.get(0), "x-exception-message")).contains("mailbox type 'ORG'");
    }

    private void send(IdentityVerified event) {
        kafka.send(Topics.IDENTITY_VERIFIED.name(), event.getAccountId().toString(),
                serializer.serialize(Topics.IDENTITY_VERIFIED.name(), event));
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

    private static IdentityVerified identityVerified(UUID account, String firstName, String lastName, String profession,
                                                     String mailboxType) {
        return IdentityVerified.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(account).setOccurredAt(Instant.now())
                .setLastName(lastName).setFirstName(firstName).setProfession(profession)
                .setIdentifierType(mailboxType.equals("INT") ? "FINESS" : "RPPS")
                .setIdentifier(mailboxType.equals("INT") ? "310000013" : "99800000012")
                .setMailboxType(mailboxType)
                .setStructureIdentifier(mailboxType.equals("INT") ? "310000013" : null)
                .setSource("IMPORTED_DIRECTORY")
                .build();
    }

    /** Unique per test run, and letters only: a digit in a name would be dropped. */
    private static String letters() {
        return ThreadLocalRandom.current().ints(10, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
