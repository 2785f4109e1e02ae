package fr.esante.medimail.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.embedded.EmbeddedInfrastructureInitializer;
import fr.esante.medimail.embedded.KafkaTestClient;
import fr.esante.medimail.events.IdentityRejected;
import fr.esante.medimail.events.IdentityReviewConcluded;
import fr.esante.medimail.events.IdentityReviewRequested;
import fr.esante.medimail.events.IdentityVerified;
import fr.esante.medimail.events.NamesCorrected;
import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.schemas.Topic;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.schemas.serde.AvroSerializer;

/**
 * Staff corrected a validated account's names (NamesCorrected): the identity is checked again with them, by the rules
 * of a first check, and the usual outcome is announced for that account, except that names the directory contradicts go
 * to a reviewer; a refusal keeps the account's claim on its RPPS, since the account stays validated.
 */
@SpringBootTest(classes = IdentityVerificationApplication.class, properties = "spring.config.name=identity-verification-service")
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
class NamesRecheckIT {

    private static final Map<String, String> SERDE = Map.of("schema.registry.url", "mock://medimail");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    JdbcClient jdbc;

    private final KafkaTestClient kafka = new KafkaTestClient(EmbeddedInfrastructure.shared().kafkaBootstrapServers());
    private final AvroSerializer serializer = new AvroSerializer();

    {
        serializer.configure(SERDE, false);
    }

    /** The sample directory has few people: each test starts with every identifier free, as IdentityVerificationIT does. */
    @BeforeEach
    void everyIdentifierIsFree() {
        jdbc.sql("DELETE FROM identifier_claim").update();
    }

    @Test
    void namesMatchingTheDirectoryAreVerifiedAgainWithTheNewNamesAndARedeliveryIsDecidedOnce() {
        ProfessionalProfileSubmitted profile = verifiedDurand("Durand");

        // Equal to the directory's once case and accents are set aside, as on a first check.
        NamesCorrected corrected = corrected(profile, "DURÂND", "Jean");
        send(Topics.NAMES_CORRECTED, profile.getAccountId(), corrected);
        send(Topics.NAMES_CORRECTED, profile.getAccountId(), corrected);

        await().atMost(PATIENCE).until(() -> decisions(profile.getAccountId()) == 2);
        List<IdentityVerified> verified = await().atMost(PATIENCE).until(
                () -> all(Topics.IDENTITY_VERIFIED, profile.getAccountId()), list -> list.size() == 2);
        IdentityVerified recheck = verified.get(1);
        assertThat(recheck.getLastName()).isEqualTo("DURÂND");
        assertThat(recheck.getIdentifier()).isEqualTo("99800000012");
        assertThat(recheck.getOccurredAt()).as("after the correction, so the back office takes it for the new names")
                .isAfterOrEqualTo(corrected.getOccurredAt());
        assertThat(outcome(corrected.getEventId())).isEqualTo("VERIFIED");
    }

    @Test
    void aNearMissGoesToAManualReviewAsOnAFirstCheck() {
        ProfessionalProfileSubmitted nearMiss = verifiedDurand("Durand");
        send(Topics.NAMES_CORRECTED, nearMiss.getAccountId(), corrected(nearMiss, "Durant", "Jean"));
        IdentityReviewRequested review = await().atMost(PATIENCE).until(
                () -> all(Topics.IDENTITY_REVIEW_REQUESTED, nearMiss.getAccountId()), list -> !list.isEmpty()).get(0);
        assertThat(review.getDeclaredLastName()).isEqualTo("Durant");
        assertThat(review.getReason()).isEqualTo("NAME_MISMATCH");
        assertThat(review.getDetail()).contains("near miss");
    }

    /** A refusal would vanish: registration-service ignores it for a validated account and the back office does not hear it. */
    @Test
    void namesTheDirectoryContradictsGoToAReviewerWithTheEvidenceAndARedeliveryIsDecidedOnce() {
        ProfessionalProfileSubmitted profile = verifiedDurand("Durand");
        NamesCorrected corrected = corrected(profile, "Lefebvre", "Claire");
        send(Topics.NAMES_CORRECTED, profile.getAccountId(), corrected);
        send(Topics.NAMES_CORRECTED, profile.getAccountId(), corrected);

        await().atMost(PATIENCE).until(() -> decisions(profile.getAccountId()) == 2);
        List<IdentityReviewRequested> reviews = await().atMost(PATIENCE).until(
                () -> all(Topics.IDENTITY_REVIEW_REQUESTED, profile.getAccountId()), list -> !list.isEmpty());
        assertThat(reviews).hasSize(1);
        IdentityReviewRequested review = reviews.get(0);
        assertThat(review.getReason()).isEqualTo("NAME_MISMATCH");
        assertThat(review.getDetail()).contains("corrected by staff", "Lefebvre Claire", "DURAND Jean");
        assertThat(review.getDeclaredLastName()).isEqualTo("Lefebvre");
        assertThat(review.getDeclaredFirstName()).isEqualTo("Claire");
        assertThat(review.getDirectoryLastName()).isEqualTo("DURAND");
        assertThat(review.getDirectoryFirstName()).isEqualTo("Jean");
        assertThat(review.getIdentifier()).isEqualTo("99800000012");
        assertThat(review.getProfession()).isEqualTo("10");
        assertThat(review.getEvidence()).contains("lastName: declared 'Lefebvre', directory 'DURAND' -> MISMATCH", "RPPS 99800000012");
        assertThat(outcome(corrected.getEventId())).isEqualTo("MANUAL_REVIEW");
        assertThat(all(Topics.IDENTITY_REJECTED, profile.getAccountId())).isEmpty();
    }

    /** Refusing the review leaves the account validated (registration-service ignores the refusal): it keeps its RPPS. */
    @Test
    void aReviewerRefusingTheCorrectedNamesLeavesTheValidatedAccountItsClaim() {
        ProfessionalProfileSubmitted profile = verifiedDurand("Durand");
        send(Topics.NAMES_CORRECTED, profile.getAccountId(), corrected(profile, "Lefebvre", "Claire"));
        IdentityReviewRequested review = await().atMost(PATIENCE).until(
                () -> all(Topics.IDENTITY_REVIEW_REQUESTED, profile.getAccountId()), list -> !list.isEmpty()).get(0);

        send(Topics.IDENTITY_REVIEW_CONCLUDED, profile.getAccountId(), IdentityReviewConcluded.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(profile.getAccountId()).setOccurredAt(Instant.now())
                .setDecisionId(review.getDecisionId()).setConfirmed(false).setReason("Nom non justifié.")
                .setReviewedBy("agent").build());

        IdentityRejected refused = await().atMost(PATIENCE).until(
                () -> all(Topics.IDENTITY_REJECTED, profile.getAccountId()), list -> !list.isEmpty()).get(0);
        assertThat(refused.getReason()).isEqualTo("REJECTED_BY_REVIEWER");
        assertThat(jdbc.sql("SELECT count(*) FROM identifier_claim WHERE account_id = :id")
                .param("id", profile.getAccountId()).query(Integer.class).single())
                .as("the validated account still holds its RPPS").isEqualTo(1);
    }

    @Test
    void anotherRefusalStaysARefusalKeepingTheClaimOfTheValidatedAccount() {
        ProfessionalProfileSubmitted profile = verifiedDurand("Durand");
        // The directory lists Jean DURAND as a doctor (10), not a dentist (40): staff cannot correct that with names.
        NamesCorrected wrong = NamesCorrected.newBuilder(corrected(profile, "Lefebvre", "Claire")).setProfession("40").build();
        send(Topics.NAMES_CORRECTED, profile.getAccountId(), wrong);
        IdentityRejected refused = await().atMost(PATIENCE).until(
                () -> all(Topics.IDENTITY_REJECTED, profile.getAccountId()), list -> !list.isEmpty()).get(0);
        assertThat(refused.getReason()).isEqualTo("PROFESSION_MISMATCH");
        assertThat(outcome(wrong.getEventId())).isEqualTo("REJECTED");
        assertThat(jdbc.sql("SELECT count(*) FROM identifier_claim WHERE account_id = :id")
                .param("id", profile.getAccountId()).query(Integer.class).single())
                .as("the validated account still holds its RPPS").isEqualTo(1);
    }

    /** An account whose profile (RPPS 99800000012, Jean DURAND in the sample directory) was verified. */
    private ProfessionalProfileSubmitted verifiedDurand(String lastName) {
        ProfessionalProfileSubmitted profile = IdentityServiceContext.profile("NATIONAL_ID", "RPPS", "99800000012", lastName,
                "Jean", "10");
        send(Topics.PROFESSIONAL_PROFILE_SUBMITTED, profile.getAccountId(), profile);
        await().atMost(PATIENCE).until(() -> decisions(profile.getAccountId()) == 1);
        return profile;
    }

    private static NamesCorrected corrected(ProfessionalProfileSubmitted profile, String lastName, String firstName) {
        return NamesCorrected.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(profile.getAccountId()).setOccurredAt(Instant.now())
                .setCorrectedBy("chef").setLastName(lastName).setFirstName(firstName)
                .setPreviousLastName(profile.getLastName()).setPreviousFirstName(profile.getFirstName())
                .setEmail(profile.getEmail()).setPath(profile.getPath()).setIdentifierType(profile.getIdentifierType())
                .setIdentifier(profile.getIdentifier()).setProfession(profile.getProfession())
                .setSpecialty(profile.getSpecialty()).setLiberal(profile.getLiberal())
                .setOrganisationName(profile.getOrganisationName()).setMssAddress("jean.durand@medecin.oc.mssante.fr")
                .build();
    }

    private <V extends SpecificRecord> void send(Topic<V> topic, UUID accountId, V event) {
        kafka.send(topic.name(), accountId.toString(), serializer.serialize(topic.name(), event));
    }

    private <V extends SpecificRecord> List<V> all(Topic<V> topic, UUID accountId) {
        List<ConsumerRecord<String, byte[]>> records;
        try {
            records = kafka.awaitRecords(topic.name(), r -> accountId.toString().equals(r.key()), Duration.ofSeconds(10));
        } catch (AssertionError none) {
            return List.of();
        }
        return records.stream().map(r -> topic.valueDeserializer(SERDE).deserialize(topic.name(), r.value())).toList();
    }

    private int decisions(UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM identity_decision WHERE account_id = :id").param("id", accountId)
                .query(Integer.class).single();
    }

    private String outcome(UUID eventId) {
        return jdbc.sql("SELECT outcome FROM identity_decision WHERE event_id = :id").param("id", eventId)
                .query(String.class).single();
    }
}
