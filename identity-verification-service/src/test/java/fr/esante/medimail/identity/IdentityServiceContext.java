package fr.esante.medimail.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.embedded.EmbeddedInfrastructureInitializer;
import fr.esante.medimail.embedded.KafkaTestClient;
import fr.esante.medimail.events.IdentityRejected;
import fr.esante.medimail.events.IdentityReviewConcluded;
import fr.esante.medimail.events.IdentityReviewRequested;
import fr.esante.medimail.events.IdentityVerified;
import fr.esante.medimail.events.PostalAddress;
import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.schemas.serde.AvroSerializer;
import fr.esante.medimail.testsupport.TestHttpClient;

/**
 * The service as deployed, shared by its integration tests: the sample directory imported at startup, profiles fed
 * on Kafka, decisions read back from the outbox's topics, the HTTP API called over the network. Every subclass
 * inherits this exact configuration, so Spring's context cache starts the service once for all of them.
 */
@SpringBootTest(classes = IdentityVerificationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=identity-verification-service",
                // Test accounts only (BCrypt cost 4 to keep the tests fast): an operator, and an account without OPERATOR.
                "medimail.identity.operators[0].username=" + IdentityServiceContext.OPERATOR,
                "medimail.identity.operators[0].password-hash=$2a$04$//sCvLgugo.BeVF1kf8HieJKFw3L8Pf4elCWTPWG5L1UE.NmSsXxy",
                "medimail.identity.operators[0].roles=OPERATOR",
                "medimail.identity.operators[1].username=" + IdentityServiceContext.READER,
                "medimail.identity.operators[1].password-hash={bcrypt}$2a$04$QIdbdtCvOv04yldM15RVTer8pR5HKwAImOrtVoosy.Ew6De1MaGAS",
                "medimail.identity.operators[1].roles=AUDITOR",
                // An operator that the lockout test locks (so that no other test meets the lock).
                "medimail.identity.operators[2].username=" + IdentityServiceContext.LOCKED_OPERATOR,
                "medimail.identity.operators[2].password-hash=$2a$04$fce1op/vLjjTCscSUrcKM.9239VQ.oXOj8UC3wFd.aWHKh6PO99ya",
                "medimail.identity.operators[2].roles=OPERATOR"})
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
abstract class IdentityServiceContext {

    static final String OPERATOR = "operateur-test";
    static final String READER = "lecteur-test";
    static final String LOCKED_OPERATOR = "operateur-verrou";
    static final Map<String, String> OPERATOR_CREDENTIALS = TestHttpClient.basic(OPERATOR, "mot-de-passe-operateur");
    static final Map<String, String> READER_CREDENTIALS = TestHttpClient.basic(READER, "mot-de-passe-lecteur");
    static final Map<String, String> ANONYMOUS = Map.of();
    private static final Map<String, String> SERDE = Map.of("schema.registry.url", "mock://medimail");
    static final Path INBOX;

    static {
        try {
            INBOX = Files.createTempDirectory("directory-inbox");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void inbox(DynamicPropertyRegistry registry) {
        registry.add("medimail.directory.import.inbox", INBOX::toString);
    }

    @Autowired
    JdbcClient jdbc;
    @Value("${local.server.port}")
    int port;

    final KafkaTestClient kafka = new KafkaTestClient(EmbeddedInfrastructure.shared().kafkaBootstrapServers());
    final AvroSerializer serializer = new AvroSerializer();

    {
        serializer.configure(SERDE, false);
    }

    /**
     * The tests reuse the few RPPS of the sample directory for accounts of their own: as if each earlier account
     * had been closed, every test starts with every identifier free (the one-account-per-RPPS tests say otherwise).
     */
    @BeforeEach
    void everyIdentifierIsFree() {
        jdbc.sql("DELETE FROM identifier_claim").update();
    }

    TestHttpClient http() {
        return TestHttpClient.onPort(port);
    }

    void submit(ProfessionalProfileSubmitted event) {
        kafka.send(Topics.PROFESSIONAL_PROFILE_SUBMITTED.name(), event.getAccountId().toString(),
                serializer.serialize(Topics.PROFESSIONAL_PROFILE_SUBMITTED.name(), event));
    }

    IdentityVerified awaitVerified(UUID accountId) {
        List<ConsumerRecord<String, byte[]>> records = kafka.awaitRecords(Topics.IDENTITY_VERIFIED.name(),
                r -> accountId.toString().equals(r.key()), Duration.ofSeconds(60));
        return Topics.IDENTITY_VERIFIED.valueDeserializer(SERDE).deserialize(Topics.IDENTITY_VERIFIED.name(), records.get(0).value());
    }

    IdentityReviewRequested awaitReviewRequested(UUID accountId) {
        List<ConsumerRecord<String, byte[]>> records = kafka.awaitRecords(Topics.IDENTITY_REVIEW_REQUESTED.name(),
                r -> accountId.toString().equals(r.key()), Duration.ofSeconds(60));
        return Topics.IDENTITY_REVIEW_REQUESTED.valueDeserializer(SERDE)
                .deserialize(Topics.IDENTITY_REVIEW_REQUESTED.name(), records.get(0).value());
    }

    IdentityRejected awaitRejected(UUID accountId) {
        List<ConsumerRecord<String, byte[]>> records = kafka.awaitRecords(Topics.IDENTITY_REJECTED.name(),
                r -> accountId.toString().equals(r.key()), Duration.ofSeconds(60));
        return Topics.IDENTITY_REJECTED.valueDeserializer(SERDE).deserialize(Topics.IDENTITY_REJECTED.name(), records.get(0).value());
    }

    static IdentityReviewConcluded concluded(IdentityReviewRequested requested, boolean confirmed, String reason) {
        return IdentityReviewConcluded.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(requested.getAccountId()).setOccurredAt(Instant.now())
                .setDecisionId(requested.getDecisionId()).setConfirmed(confirmed).setReason(reason).setReviewedBy("agent")
                .build();
    }

    void conclude(IdentityReviewConcluded event) {
        kafka.send(Topics.IDENTITY_REVIEW_CONCLUDED.name(), event.getAccountId().toString(),
                serializer.serialize(Topics.IDENTITY_REVIEW_CONCLUDED.name(), event));
    }

    /**
     * Sends a conclusion for a fresh pending review and waits until it is applied: the conclusions sent before it
     * on the same topic partition have been handled by then (one partition, consumed in order).
     */
    void awaitMarker() {
        // Its own near miss, on an RPPS the other tests leave free: a marker is refused, which frees its RPPS again.
        ProfessionalProfileSubmitted marker = profile("NATIONAL_ID", "RPPS", "99800000095", "Benoit", "Anne Sofie", "50");
        submit(marker);
        IdentityReviewRequested requested = awaitReviewRequested(marker.getAccountId());
        conclude(concluded(requested, false, "Marqueur."));
        awaitRejected(marker.getAccountId());
    }

    Map<String, Object> review(UUID decisionId) {
        return jdbc.sql("SELECT status, concluded_by, refusal_reason, published_event_type, conclusion_event_id FROM identity_review WHERE decision_id = :id")
                .param("id", decisionId).query().singleRow();
    }

    int outboxCount(String topic, UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = :topic AND record_key = :key")
                .param("topic", topic).param("key", accountId.toString()).query(Integer.class).single();
    }

    Map<String, Object> decision(UUID eventId) {
        return jdbc.sql("SELECT id, outcome, reason, source, directory_import_id, evidence::text AS evidence FROM identity_decision WHERE event_id = :id")
                .param("id", eventId).query().singleRow();
    }

    static ProfessionalProfileSubmitted profile(String path, String type, String identifier, String lastName,
                                                String firstName, String profession) {
        return ProfessionalProfileSubmitted.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setLastName(lastName).setFirstName(firstName).setEmail("test." + UUID.randomUUID() + "@example.org")
                .setPath(path).setIdentifierType(type).setIdentifier(identifier).setProfession(profession)
                .setSpecialty(null).setLiberal(true).setPhone("0561000000").setSecondPhone(null)
                .setAddress(PostalAddress.newBuilder().setLine("10 rue des Trente-six Ponts").setPostalCode("31400")
                        .setCity("Toulouse").setRegion("76").setDepartment("31").build())
                .setOrganisationName(null).setServiceName(null).setDirectoryVisible(true).setPaperless(true)
                .build();
    }
}
