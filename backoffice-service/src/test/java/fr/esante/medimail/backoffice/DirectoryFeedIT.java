package fr.esante.medimail.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.esante.medimail.events.ContactDetailsChanged;
import fr.esante.medimail.events.DirectoryEntry;
import fr.esante.medimail.events.IdentityVerified;
import fr.esante.medimail.events.MssAddressAssigned;
import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.schemas.Topics;
import tools.jackson.databind.JsonNode;

/**
 * The directory feed ({@code medimail.directory-entries.v1}): a publisher reading it from the start into an empty map
 * gets the directory the platform itself shows, entry for entry, after validations, changes, hidings and closures.
 */
class DirectoryFeedIT extends BackofficeIntegrationTest {

    private static final String TOPIC = Topics.DIRECTORY_ENTRIES.name();

    @Autowired
    JdbcClient jdbc;

    @Test
    void replayingTheFeedFromTheStartRebuildsTheDirectoryAsThePlatformSeesIt() {
        Applicants.Applicant changedContact = Applicants.durand();
        Applicants.Applicant becomesPer = Applicants.leGallInTraining(); // INT, asked to stay out of the directory
        Applicants.Applicant hidden = Applicants.durand();
        Applicants.Applicant closed = Applicants.durand();
        Applicants.Applicant reopened = Applicants.durand();
        Applicants.Applicant rejected = Applicants.durand();
        Applicants.Applicant pending = Applicants.durand();
        List<Applicants.Applicant> everyone = List.of(changedContact, becomesPer, hidden, closed, reopened, rejected, pending);
        for (Applicants.Applicant applicant : List.of(changedContact, becomesPer, hidden, closed, reopened)) {
            approved(applicant);
        }
        String rejection = queued(rejected).get("id").asString();
        assertThat(post("/api/v1/reviews/" + rejection + "/rejection", rejection("Pièces illisibles."), reviewer()).status())
                .isEqualTo(200);
        queued(pending);
        awaitDirectory(everyone, Set.of(changedContact, hidden, closed, reopened));

        Instant changed = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ContactDetailsChanged newContact = contact(changedContact, changed, "0561999999", "Blagnac", true);
        send(Topics.CONTACT_DETAILS_CHANGED, changedContact.accountId(), newContact);
        send(Topics.CONTACT_DETAILS_CHANGED, hidden.accountId(), contact(hidden, changed, "0561000000", "Toulouse", false));
        // The INT holder shows the entry, then adds an RPPS: verified, the mailbox becomes PER and keeps its address.
        send(Topics.CONTACT_DETAILS_CHANGED, becomesPer.accountId(), contact(becomesPer, changed, "0562000000", "Toulouse", true));
        Instant resubmitted = changed.plusSeconds(1);
        send(Topics.PROFESSIONAL_PROFILE_SUBMITTED, becomesPer.accountId(), ProfessionalProfileSubmitted
                .newBuilder(becomesPer.profile()).setEventId(UUID.randomUUID()).setOccurredAt(resubmitted)
                .setPath("NATIONAL_ID").setIdentifierType("RPPS").setIdentifier("99800000012").setProfession("60")
                .setPhone("0562111111").setDirectoryVisible(true).build());
        send(Topics.IDENTITY_VERIFIED, becomesPer.accountId(), IdentityVerified.newBuilder(becomesPer.identity())
                .setEventId(UUID.randomUUID()).setOccurredAt(resubmitted.plusSeconds(1)).setIdentifierType("RPPS")
                .setIdentifier("99800000012").setMailboxType("PER").setStructureIdentifier(null).build());
        send(Topics.MSS_ADDRESS_ASSIGNED, becomesPer.accountId(), MssAddressAssigned.newBuilder(becomesPer.address())
                .setEventId(UUID.randomUUID()).setOccurredAt(resubmitted.plusSeconds(2)).setMailboxType("PER").build());
        close(closed);
        close(reopened);
        assertThat(post("/api/v1/accounts/" + reopened.accountId() + "/reopening", null, admin()).status()).isEqualTo(200);

        Map<String, DirectoryEntry> directory = awaitDirectory(everyone, Set.of(changedContact, becomesPer, reopened));

        DirectoryEntry moved = directory.get(changedContact.address().getAddress());
        assertThat(moved.getPhone()).isEqualTo("0561999999");
        assertThat(moved.getCity()).isEqualTo("Blagnac");
        assertThat(moved.getMailboxType()).isEqualTo("PER");
        assertThat(moved.getLastName()).isEqualTo("DURAND");
        DirectoryEntry per = directory.get(becomesPer.address().getAddress());
        assertThat(per.getMailboxType()).isEqualTo("PER");
        assertThat(per.getIdentifierType()).isEqualTo("RPPS");
        assertThat(per.getIdentifier()).isEqualTo("99800000012");
        assertThat(per.getStructureIdentifier()).isNull();
        assertThat(per.getPhone()).as("the profile submitted after the contact change is newer").isEqualTo("0562111111");
        assertThat(directory.get(reopened.address().getAddress()).getPhone()).isEqualTo("0561000000");

        // The same contact details again (a new event saying nothing new) publish nothing.
        long published = feedRecords(changedContact);
        send(Topics.CONTACT_DETAILS_CHANGED, changedContact.accountId(),
                ContactDetailsChanged.newBuilder(newContact).setEventId(UUID.randomUUID()).build());
        queued(Applicants.durand()); // handled after the record above
        assertThat(feedRecords(changedContact)).isEqualTo(published).isEqualTo(2);
    }

    @Test
    void anOperatorRepublishesTheWholeDirectoryAndTheRepublicationAloneIsTheDirectory() {
        Applicants.Applicant listed = Applicants.durand();
        Applicants.Applicant alsoListed = Applicants.durand();
        Applicants.Applicant hidden = Applicants.durand();
        Applicants.Applicant closed = Applicants.durand();
        Applicants.Applicant pending = Applicants.durand();
        List<Applicants.Applicant> everyone = List.of(listed, alsoListed, hidden, closed, pending);
        for (Applicants.Applicant applicant : List.of(listed, alsoListed, hidden, closed)) {
            approved(applicant);
        }
        send(Topics.CONTACT_DETAILS_CHANGED, hidden.accountId(),
                contact(hidden, Instant.now().truncatedTo(ChronoUnit.MILLIS), "0561000000", "Toulouse", false));
        close(closed);
        queued(pending);
        awaitDirectory(everyone, Set.of(listed, alsoListed));
        Map<TopicPartition, Long> before = endOffsets();

        assertThat(post("/api/v1/directory-entries/republication", null, reviewer()).status())
                .as("a reviewer is no operator").isEqualTo(403);
        Response republication = post("/api/v1/directory-entries/republication", null, admin());
        assertThat(republication.status()).as(republication.body()).isEqualTo(200);
        assertThat(republication.json().get("published").asLong()).isGreaterThanOrEqualTo(2);

        // A publisher that starts reading at the republication (its copy lost) has every entry again, as the platform
        // sees it, and nothing of the hidden, closed or pending accounts.
        Map<String, DirectoryEntry> republished = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> replayFrom(before), directory -> directory.keySet().containsAll(addresses(Set.of(listed, alsoListed))));
        for (Applicants.Applicant applicant : everyone) {
            assertThat(samePlatformView(applicant, republished.get(applicant.address().getAddress())))
                    .as("republished entry of " + applicant.address().getAddress()).isTrue();
        }
        assertThat(feedRecords(listed)).as("first publication, then the republication").isEqualTo(2);

        JsonNode audit = get("/api/v1/audit-records?subjectId=directory-entries", reviewer()).json();
        boolean recorded = false;
        for (JsonNode record : audit) {
            recorded |= "DIRECTORY_REPUBLISHED".equals(record.get("action").asString()) && ADMIN.equals(record.get("staff").asString());
        }
        assertThat(recorded).as(audit.toString()).isTrue();
    }

    @Test
    void theFeedIsACompactedTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            var config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void anAccountWithoutEntryIsA404Problem() {
        for (String id : List.of(UUID.randomUUID().toString(), "pas-un-identifiant")) {
            Response response = get("/api/v1/accounts/" + id + "/directory-entry", reviewer());
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).isEqualTo("DIRECTORY_ENTRY_NOT_FOUND");
        }
    }

    // ---- the scenario's steps

    private void close(Applicants.Applicant applicant) {
        Response closure = post("/api/v1/accounts/" + applicant.accountId() + "/closure",
                JSON.writeValueAsString(Map.of("reason", "Départ à la retraite.")), admin());
        assertThat(closure.status()).as(closure.body()).isEqualTo(200);
    }

    private static ContactDetailsChanged contact(Applicants.Applicant applicant, Instant at, String phone, String city,
                                                 boolean visible) {
        var address = applicant.profile().getAddress();
        return ContactDetailsChanged.newBuilder().setEventId(UUID.randomUUID()).setAccountId(applicant.accountId())
                .setOccurredAt(at).setPhone(phone).setSecondPhone(null).setAddressLine(address.getLine())
                .setPostalCode(address.getPostalCode()).setCity(city).setRegion(address.getRegion())
                .setDepartment(address.getDepartment()).setDirectoryVisible(visible).setPaperless(true).build();
    }

    // ---- the publisher's side and the platform's side

    /**
     * Waits until the feed, replayed from the start, lists exactly {@code listed} among {@code everyone}, each entry equal
     * to the platform's own view of the account ({@code GET /api/v1/accounts/{id}/directory-entry}); returns it.
     */
    private Map<String, DirectoryEntry> awaitDirectory(List<Applicants.Applicant> everyone, Set<Applicants.Applicant> listed) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Map<String, DirectoryEntry> directory = replay();
            directory.keySet().retainAll(everyone.stream().map(a -> a.address().getAddress()).toList());
            return directory;
        }, directory -> directory.keySet().equals(addresses(listed)) && everyone.stream().allMatch(applicant ->
                samePlatformView(applicant, directory.get(applicant.address().getAddress()))));
    }

    private boolean samePlatformView(Applicants.Applicant applicant, DirectoryEntry published) {
        Response view = get("/api/v1/accounts/" + applicant.accountId() + "/directory-entry", reviewer());
        if (published == null) {
            return view.status() == 404;
        }
        if (view.status() != 200) {
            return false;
        }
        JsonNode entry = view.json();
        for (String field : entry.propertyNames()) {
            JsonNode value = entry.get(field);
            Object publishedValue = published.get(field);
            String expected = value.isNull() ? null : value.asString();
            if (!java.util.Objects.equals(expected, publishedValue == null ? null : publishedValue.toString())) {
                return false;
            }
        }
        return entry.size() == published.getSchema().getFields().size() - 2; // all but eventId and occurredAt
    }

    /** The whole topic read from the start into an empty map: an entry replaces the previous one, a tombstone removes it. */
    private Map<String, DirectoryEntry> replay() {
        var deserializer = Topics.DIRECTORY_ENTRIES.valueDeserializer(SERDE);
        Map<String, DirectoryEntry> directory = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : readAll()) {
            if (record.value() == null) {
                directory.remove(record.key());
            } else {
                DirectoryEntry entry = deserializer.deserialize(TOPIC, record.value());
                assertThat(entry.getMssAddress()).as("the key is the address").isEqualTo(record.key());
                directory.put(record.key(), entry);
            }
        }
        return directory;
    }

    /** The records appended after {@code from}, read into an empty map as a publisher starting there would. */
    private Map<String, DirectoryEntry> replayFrom(Map<TopicPartition, Long> from) {
        var deserializer = Topics.DIRECTORY_ENTRIES.valueDeserializer(SERDE);
        Map<String, DirectoryEntry> directory = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : readAll()) {
            if (record.offset() < from.get(new TopicPartition(record.topic(), record.partition()))) {
                continue;
            }
            if (record.value() == null) {
                directory.remove(record.key());
            } else {
                directory.put(record.key(), deserializer.deserialize(TOPIC, record.value()));
            }
        }
        return directory;
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            return consumer.endOffsets(consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList());
        }
    }

    private long feedRecords(Applicants.Applicant applicant) {
        String address = applicant.address().getAddress();
        return readAll().stream().filter(r -> address.equals(r.key())).count();
    }

    private List<ConsumerRecord<String, byte[]>> readAll() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new java.util.ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static Set<String> addresses(Set<Applicants.Applicant> applicants) {
        return applicants.stream().map(a -> a.address().getAddress()).collect(java.util.stream.Collectors.toSet());
    }
}
