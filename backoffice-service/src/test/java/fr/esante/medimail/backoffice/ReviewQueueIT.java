package fr.esante.medimail.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.events.IdentityVerified;
import fr.esante.medimail.events.MssAddressAssigned;
import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.schemas.Topics;
import tools.jackson.databind.JsonNode;

/** The queue fills from the events of the other services, whatever their order, once per account. */
class ReviewQueueIT extends BackofficeIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCompleteFileEntersTheQueueAsPendingWithTheApplicantsFacts() {
        Applicants.Applicant applicant = Applicants.durand(Duration.ofHours(3));

        JsonNode review = queued(applicant);

        assertThat(UUID.fromString(review.get("id").asString())).isNotNull();
        assertThat(review.get("registrationId").asString()).isEqualTo(applicant.accountId().toString());
        assertThat(review.get("lastName").asString()).isEqualTo("DURAND");
        assertThat(review.get("firstName").asString()).isEqualTo("Jean");
        assertThat(review.get("email").asString()).isEqualTo(applicant.profile().getEmail());
        assertThat(review.get("profession").asString()).isEqualTo("10");
        assertThat(review.get("identifierType").asString()).isEqualTo("RPPS");
        assertThat(review.get("identifier").asString()).isEqualTo("99800000012");
        assertThat(review.get("mssAddress").asString()).isEqualTo(applicant.address().getAddress());
        assertThat(review.get("mailboxType").asString()).isEqualTo("PER");
        assertThat(Instant.parse(review.get("submittedAt").asString())).isEqualTo(applicant.submittedAt());
        assertThat(review.get("ageHours").asLong()).isEqualTo(3);
        assertThat(review.get("overdue").asBoolean()).isFalse();
        assertThat(review.get("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void theOrderOfArrivalDoesNotMatterAndRedeliveriesChangeNothing() {
        Applicants.Applicant applicant = Applicants.durand();

        applicant.sendAddress(this::send);
        applicant.sendAddress(this::send);
        applicant.sendIdentity(this::send);
        applicant.sendProfile(this::send);
        applicant.sendProfile(this::send);

        JsonNode review = awaitReview(applicant.accountId(), "PENDING");
        assertThat(review.get("mssAddress").asString()).isEqualTo(applicant.address().getAddress());
        assertThat(review.get("email").asString()).isEqualTo(applicant.profile().getEmail());

        // A later applicant's file is complete only after every earlier record of each topic was handled.
        queued(Applicants.durand());
        assertThat(reviewCount(applicant.accountId())).isEqualTo(1);
    }

    @Test
    void aFileWithoutItsAddressItsProfileOrItsIdentityEvidenceStaysOutOfTheQueue() {
        Applicants.Applicant noAddress = Applicants.durand();
        noAddress.sendProfile(this::send);
        noAddress.sendIdentity(this::send);
        Applicants.Applicant noProfile = Applicants.durand();
        noProfile.sendIdentity(this::send);
        noProfile.sendAddress(this::send);
        Applicants.Applicant noIdentity = Applicants.durand();
        noIdentity.sendProfile(this::send);
        noIdentity.sendAddress(this::send);

        queued(Applicants.durand()); // handled after the records above, topic by topic

        assertThat(reviewCount(noAddress.accountId())).isZero();
        assertThat(reviewCount(noProfile.accountId())).isZero();
        assertThat(reviewCount(noIdentity.accountId())).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM applicant WHERE account_id IN (:a, :b, :c)")
                .param("a", noAddress.accountId()).param("b", noProfile.accountId()).param("c", noIdentity.accountId())
                .query(Integer.class).single())
                .as("their facts are on file, waiting for the rest").isEqualTo(3);
    }

    @Test
    void whenTheAddressComesFirstTheReviewWaitsForTheIdentityEvidenceAndApprovalPublishesTheCheckedIdentity() {
        // Declared in its national form (1 + FINESS): the identity check normalises it.
        Applicants.Applicant applicant = Applicants.leGallInTraining().declaring("1310000013");

        applicant.sendAddress(this::send);
        applicant.sendProfile(this::send);
        queued(Applicants.durand()); // handled after the records above, topic by topic
        assertThat(reviewCount(applicant.accountId())).as("no review before the identity evidence").isZero();

        applicant.sendIdentity(this::send);

        JsonNode review = awaitReview(applicant.accountId(), "PENDING");
        assertThat(reviewCount(applicant.accountId())).isEqualTo(1);
        assertThat(Instant.parse(review.get("submittedAt").asString())).isEqualTo(applicant.submittedAt());
        assertThat(review.get("identifier").asString()).isEqualTo("310000013");
        assertThat(review.get("mailboxType").asString()).isEqualTo("INT");

        Response approval = post("/api/v1/reviews/" + review.get("id").asString() + "/approval", null, reviewer());
        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
        AccountValidated event = awaitEvents(Topics.ACCOUNT_VALIDATED, applicant.accountId()).get(0);
        assertThat(event.getIdentifierType()).isEqualTo("FINESS");
        assertThat(event.getIdentifier()).as("normalised by the identity check").isEqualTo("310000013");
        assertThat(event.getMailboxType()).isEqualTo("INT");
        assertThat(event.getStructureIdentifier()).isEqualTo("310000013");
    }

    @Test
    void theQueueIsOldestFirstAndFlagsWhatIsPastThePromise() {
        Applicants.Applicant old = Applicants.durand(Duration.ofHours(50));
        Applicants.Applicant recent = Applicants.durand(Duration.ofMinutes(10));
        recent.sendAll(this::send);
        JsonNode oldReview = queued(old);
        awaitReview(recent.accountId(), "PENDING");

        assertThat(oldReview.get("overdue").asBoolean()).isTrue();
        assertThat(oldReview.get("ageHours").asLong()).isEqualTo(50);
        JsonNode recentReview = reviewOf(recent.accountId(), "PENDING");
        assertThat(recentReview.get("overdue").asBoolean()).isFalse();
        assertThat(recentReview.get("ageHours").asLong()).isZero();

        List<JsonNode> pending = reviews("PENDING", r -> true);
        List<Instant> submitted = pending.stream().map(r -> Instant.parse(r.get("submittedAt").asString())).toList();
        assertThat(submitted).isSorted();
        List<String> accounts = pending.stream().map(r -> r.get("registrationId").asString()).toList();
        assertThat(accounts.indexOf(old.accountId().toString())).isLessThan(accounts.indexOf(recent.accountId().toString()));
    }

    @Test
    void aSubmissionIsReviewedOnceAndACorrectedProfileAfterARejectionIsReviewedAgain() {
        Applicants.Applicant applicant = Applicants.durand(Duration.ofHours(5));
        JsonNode first = queued(applicant);

        // Seen again while the review is pending (redeliveries under new event ids): the pending review covers it.
        send(Topics.PROFESSIONAL_PROFILE_SUBMITTED, applicant.accountId(),
                ProfessionalProfileSubmitted.newBuilder(applicant.profile()).setEventId(UUID.randomUUID()).build());
        send(Topics.IDENTITY_VERIFIED, applicant.accountId(),
                IdentityVerified.newBuilder(applicant.identity()).setEventId(UUID.randomUUID()).build());
        queued(Applicants.durand());
        assertThat(reviewCount(applicant.accountId())).isEqualTo(1);

        Response rejected = post("/api/v1/reviews/" + first.get("id").asString() + "/rejection",
                rejection("Le numéro RPPS ne correspond pas à votre nom."), reviewer());
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

        // The rejected submission's facts seen again: the rejection stands, nothing reopens.
        send(Topics.MSS_ADDRESS_ASSIGNED, applicant.accountId(),
                MssAddressAssigned.newBuilder(applicant.address()).setEventId(UUID.randomUUID()).build());
        send(Topics.IDENTITY_VERIFIED, applicant.accountId(),
                IdentityVerified.newBuilder(applicant.identity()).setEventId(UUID.randomUUID()).build());
        queued(Applicants.durand());
        assertThat(reviewCount(applicant.accountId())).isEqualTo(1);
        assertThat(reviewOf(applicant.accountId(), "PENDING")).isNull();
        JsonNode decided = reviewOf(applicant.accountId(), "DECIDED");
        assertThat(decided.get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(decided.get("status").asString()).isEqualTo("REJECTED");
        assertThat(reviewOf(applicant.accountId(), "APPROVED")).isNull();

        // The holder corrects the profile and submits it again: checked again, it gets a review of its own.
        Instant corrected = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        send(Topics.PROFESSIONAL_PROFILE_SUBMITTED, applicant.accountId(), ProfessionalProfileSubmitted.newBuilder(
                applicant.profile()).setEventId(UUID.randomUUID()).setOccurredAt(corrected).setPhone("0561999999").build());
        send(Topics.IDENTITY_VERIFIED, applicant.accountId(), IdentityVerified.newBuilder(applicant.identity())
                .setEventId(UUID.randomUUID()).setOccurredAt(corrected.plusSeconds(1)).build());
        send(Topics.MSS_ADDRESS_ASSIGNED, applicant.accountId(), MssAddressAssigned.newBuilder(applicant.address())
                .setEventId(UUID.randomUUID()).setOccurredAt(corrected.plusSeconds(2)).build());
        JsonNode second = awaitReview(applicant.accountId(), "PENDING");
        assertThat(second.get("id").asString()).isNotEqualTo(first.get("id").asString());
        assertThat(Instant.parse(second.get("submittedAt").asString())).isEqualTo(corrected);
        assertThat(reviewCount(applicant.accountId())).isEqualTo(2);
    }

    @Test
    void aValidatedIntAccountWhoseRppsIsVerifiedBecomesPerWithoutANewReview() {
        Applicants.Applicant trainee = Applicants.leGallInTraining();
        JsonNode review = queued(trainee);
        Response approved = post("/api/v1/reviews/" + review.get("id").asString() + "/approval", "{}", reviewer());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        Instant upgraded = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        send(Topics.PROFESSIONAL_PROFILE_SUBMITTED, trainee.accountId(), ProfessionalProfileSubmitted.newBuilder(trainee.profile())
                .setEventId(UUID.randomUUID()).setOccurredAt(upgraded).setPath("NATIONAL_ID").setIdentifierType("RPPS")
                .setIdentifier("99800000038").build());
        send(Topics.IDENTITY_VERIFIED, trainee.accountId(), IdentityVerified.newBuilder(trainee.identity())
                .setEventId(UUID.randomUUID()).setOccurredAt(upgraded.plusSeconds(1)).setIdentifierType("RPPS")
                .setIdentifier("99800000038").setMailboxType("PER").setStructureIdentifier(null).build());
        send(Topics.MSS_ADDRESS_ASSIGNED, trainee.accountId(), MssAddressAssigned.newBuilder(trainee.address())
                .setEventId(UUID.randomUUID()).setOccurredAt(upgraded.plusSeconds(2)).setMailboxType("PER")
                .setPreviousMailboxType("INT").build());
        queued(Applicants.durand());
        assertThat(reviewCount(trainee.accountId())).isEqualTo(1);
        assertThat(reviewOf(trainee.accountId(), "PENDING")).isNull();
    }

    @Test
    void aCorruptRecordGoesToTheDeadLetterTopicAndTheQueueKeepsFilling() {
        String key = UUID.randomUUID().toString();
        byte[] garbage = "pas un enregistrement Avro".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        kafka.send(Topics.MSS_ADDRESS_ASSIGNED.name(), key, garbage);

        queued(Applicants.durand());

        var dead = kafka.awaitRecords("error." + Topics.MSS_ADDRESS_ASSIGNED.name() + ".backoffice-service",
                r -> key.equals(r.key()), Duration.ofSeconds(60));
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(fr.esante.medimail.embedded.KafkaTestClient.header(dead.get(0), "x-exception-message")).isNotBlank();
    }

    @Test
    void anUnknownStatusIsA400Problem() {
        Response response = get("/api/v1/reviews?status=EN_COURS", reviewer());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("status");
        assertThat(error.get("code").asString()).isEqualTo("INVALID_VALUE");
    }

    private int reviewCount(UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM review WHERE account_id = :id").param("id", accountId)
                .query(Integer.class).single();
    }
}
