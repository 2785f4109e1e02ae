package fr.esante.medimail.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.sql.Timestamp;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.IdentityRejected;
import fr.esante.medimail.events.IdentityReviewRequested;
import fr.esante.medimail.events.IdentityVerified;
import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.schemas.Topics;

/** Profiles arriving on Kafka and the decision each one gets, with its evidence: verified, rejected with a precise
 * reason, or sent to a person. */
class IdentityDecisionsIT extends IdentityServiceContext {

    @Test
    void a_valid_sample_rpps_with_matching_name_and_profession_is_verified() {
        ProfessionalProfileSubmitted event = profile("NATIONAL_ID", "RPPS", "998 0000 0012", "Durand", "Jean", "10");

        submit(event);

        IdentityVerified verified = awaitVerified(event.getAccountId());
        assertThat(verified.getMailboxType()).isEqualTo("PER");
        assertThat(verified.getIdentifierType()).isEqualTo("RPPS");
        assertThat(verified.getIdentifier()).isEqualTo("99800000012");
        assertThat(verified.getProfession()).isEqualTo("10");
        assertThat(verified.getSpecialties()).containsExactly("SM54");
        assertThat(verified.getSource()).isEqualTo("IMPORTED_DIRECTORY");
        assertThat(verified.getLastName()).isEqualTo("Durand");
        assertThat(verified.getStructureIdentifier()).isNull();
        assertThat(verified.getActivities()).singleElement().satisfies(activity -> {
            assertThat(activity.getPostalCode()).isEqualTo("31400");
            assertThat(activity.getCity()).isEqualTo("Toulouse");
            assertThat(activity.getPracticeMode()).isEqualTo("L");
            assertThat(activity.getStructureName()).isEqualTo("CABINET MEDICAL DU DOCTEUR DURAND");
        });
        Map<String, Object> decision = decision(event.getEventId());
        assertThat(decision.get("outcome")).isEqualTo("VERIFIED");
        assertThat(decision.get("source")).isEqualTo("IMPORTED_DIRECTORY");
        assertThat(decision.get("directory_import_id")).isNotNull();
        Instant importedAt = jdbc.sql("SELECT finished_at FROM directory_import WHERE id = :id")
                .param("id", decision.get("directory_import_id")).query(Timestamp.class).single().toInstant();
        assertThat(verified.getDirectoryImportedAt()).as("the import date a reviewer weighs the answer by")
                .isEqualTo(importedAt.truncatedTo(ChronoUnit.MILLIS));
        assertThat((String) decision.get("evidence")).contains("\"field\": \"lastName\"", "\"result\": \"MATCH\"", "\"keyRule\": \"LUHN\"");
    }

    @Test
    void a_well_formed_rpps_that_no_directory_knows_is_rejected_not_found() {
        ProfessionalProfileSubmitted event = profile("NATIONAL_ID", "RPPS", "99800000079", "DURAND", "Jean", "10");

        submit(event);

        IdentityRejected rejected = awaitRejected(event.getAccountId());
        assertThat(rejected.getReason()).isEqualTo("NOT_FOUND");
        assertThat(rejected.getDetail()).contains("99800000079", "imported directory");
        assertThat(decision(event.getEventId()).get("outcome")).isEqualTo("REJECTED");
    }

    @Test
    void an_invalid_key_is_rejected_without_consulting_a_directory() {
        ProfessionalProfileSubmitted event = profile("NATIONAL_ID", "RPPS", "10100326495", "DURAND", "Jean", "10");

        submit(event);

        assertThat(awaitRejected(event.getAccountId()).getReason()).isEqualTo("INVALID_CHECK_DIGIT");
        assertThat(decision(event.getEventId()).get("source")).isEqualTo("IDENTIFIER_SYNTAX");
    }

    @Test
    void a_near_miss_on_the_name_asks_for_a_manual_review_with_the_evidence() {
        ProfessionalProfileSubmitted event = profile("NATIONAL_ID", "RPPS", "99800000095", "Benoit", "Anne Sofie", "50");

        submit(event);

        IdentityReviewRequested requested = awaitReviewRequested(event.getAccountId());
        Map<String, Object> decision = decision(event.getEventId());
        assertThat(decision.get("outcome")).isEqualTo("MANUAL_REVIEW");
        assertThat(requested.getDecisionId()).isEqualTo(decision.get("id"));
        assertThat(requested.getReason()).isEqualTo("NAME_MISMATCH");
        assertThat(requested.getDetail()).contains("near miss");
        assertThat(requested.getPath()).isEqualTo("NATIONAL_ID");
        assertThat(requested.getDeclaredLastName()).isEqualTo("Benoit");
        assertThat(requested.getDeclaredFirstName()).isEqualTo("Anne Sofie");
        assertThat(requested.getDirectoryLastName()).isNotNull();
        assertThat(requested.getDirectoryFirstName()).isNotNull();
        assertThat(requested.getIdentifierType()).isEqualTo("RPPS");
        assertThat(requested.getIdentifier()).isEqualTo("99800000095");
        assertThat(requested.getProfession()).isEqualTo("50");
        assertThat(requested.getSource()).isEqualTo("IMPORTED_DIRECTORY");
        assertThat(requested.getDirectoryImportId()).isEqualTo(decision.get("directory_import_id"));
        assertThat(requested.getEvidence()).contains("NEAR_MISS", "firstName", "RPPS 99800000095");
        assertThat(jdbc.sql("SELECT status FROM identity_review WHERE decision_id = :id").param("id", requested.getDecisionId())
                .query(String.class).single()).isEqualTo("PENDING");
        assertThat(outboxCount(Topics.IDENTITY_REJECTED.name(), event.getAccountId())).as("no refusal while a person reviews it").isZero();
    }

    @Test
    void a_trainee_attached_to_a_known_finess_gets_an_int_mailbox_and_an_unknown_one_is_refused() {
        ProfessionalProfileSubmitted known = profile("FOREIGN_OR_IN_TRAINING", "FINESS", "310000013", "NGUYEN", "Linh", "60");
        ProfessionalProfileSubmitted unknown = profile("FOREIGN_OR_IN_TRAINING", "FINESS", "310000021", "NGUYEN", "Linh", "60");

        submit(known);
        submit(unknown);

        IdentityVerified verified = awaitVerified(known.getAccountId());
        assertThat(verified.getMailboxType()).isEqualTo("INT");
        assertThat(verified.getStructureIdentifier()).isEqualTo("310000013");
        assertThat(verified.getActivities()).singleElement()
                .satisfies(activity -> assertThat(activity.getStructureName()).isEqualTo("CENTRE HOSPITALIER FICTIF"));
        assertThat(awaitRejected(unknown.getAccountId()).getReason()).isEqualTo("STRUCTURE_NOT_FOUND");
    }

    @Test
    void a_redelivered_profile_is_decided_once() {
        ProfessionalProfileSubmitted event = profile("NATIONAL_ID", "RPPS", "99800000038", "Le Gall", "Yves", "60");
        ProfessionalProfileSubmitted marker = profile("NATIONAL_ID", "RPPS", "99800000079", "X", "Y", "10");

        submit(event);
        submit(event);
        submit(marker);

        awaitRejected(marker.getAccountId());
        assertThat(kafka.awaitRecords(Topics.IDENTITY_VERIFIED.name(), r -> event.getAccountId().toString().equals(r.key()),
                Duration.ofSeconds(30))).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM identity_decision WHERE account_id = :id").param("id", event.getAccountId())
                .query(Integer.class).single()).isEqualTo(1);
    }
}
