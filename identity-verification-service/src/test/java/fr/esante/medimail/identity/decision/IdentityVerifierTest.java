package fr.esante.medimail.identity.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.esante.medimail.identity.directory.DirectoryAnswer;
import fr.esante.medimail.identity.directory.DirectoryConsultation;
import fr.esante.medimail.identity.directory.DirectorySource;
import fr.esante.medimail.identity.directory.PractitionerActivity;
import fr.esante.medimail.identity.directory.Professional;
import fr.esante.medimail.identity.directory.ProfessionalDirectory;
import fr.esante.medimail.identity.directory.Structure;
import fr.esante.medimail.identity.directory.StructureDirectory;
import fr.esante.medimail.identity.directory.StructureDirectory.StructureAnswer;
import fr.esante.medimail.identity.identifiers.IdentifierType;

/** The decision rules, against in-memory directories holding rows of the test identities. */
class IdentityVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final long IMPORT = 7L;

    /** A directory in memory; {@code unavailable} set = it cannot answer. */
    private static final class FakeDirectory implements ProfessionalDirectory {
        final DirectorySource source;
        final Map<String, Professional> professionals = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        String unavailable;

        FakeDirectory(DirectorySource source) {
            this.source = source;
        }

        FakeDirectory with(Professional professional) {
            professionals.put(professional.identifierType() + professional.identifier(), professional);
            return this;
        }

        @Override
        public DirectoryAnswer findProfessional(IdentifierType type, String identifier) {
            asked.add(type + " " + identifier);
            if (unavailable != null) {
                return new DirectoryAnswer.Unavailable(source, unavailable);
            }
            Long importId = source == DirectorySource.IMPORTED_DIRECTORY ? IMPORT : null;
            Professional professional = professionals.get(type.name() + identifier);
            return professional == null ? new DirectoryAnswer.NotFound(source, importId)
                    : new DirectoryAnswer.Found(professional, source, importId);
        }
    }

    private static final StructureDirectory STRUCTURES = finess -> switch (finess) {
        case "310000013" -> new StructureAnswer.Known(new Structure("310000013", true, "CENTRE HOSPITALIER FICTIF", null, "31059", "Toulouse"), IMPORT);
        case "310000005" -> new StructureAnswer.Known(new Structure("310000005", false, null, null, null, null), IMPORT);
        case "2A0000012" -> new StructureAnswer.Known(new Structure("2A0000012", true, "CLINIQUE D'AJACCIO", null, "20000", "Ajaccio"), IMPORT);
        default -> new StructureAnswer.Unknown(IMPORT);
    };

    private static PractitionerActivity activity(String profession, String skill, String structure) {
        return new PractitionerActivity(profession, null, "C", skill == null ? null : "S", skill, null, "L", null,
                "99810000200018", null, null, null, structure, "31400", "Toulouse", 2L);
    }

    private static Professional professional(String rpps, String last, String first, boolean active, PractitionerActivity... activities) {
        return new Professional("RPPS", rpps, "M", last, first, active, List.of(activities));
    }

    private final FakeDirectory imported = new FakeDirectory(DirectorySource.IMPORTED_DIRECTORY)
            .with(professional("99800000012", "DURAND", "Jean", true, activity("10", "SM54", "CABINET MEDICAL")))
            .with(professional("99800000020", "DUPONT-MARTIN", "Marie-Hélène", true, activity("21", null, "PHARMACIE DU CENTRE")))
            .with(professional("99800000046", "D'ARCY", "Élodie", true, activity("70", null, "CABINET")))
            .with(professional("99800000087", "ŒUVRAY", "François", true, activity("40", null, "CABINET DENTAIRE")))
            .with(professional("99800000103", "SICARD", "Camille", true, activity("10", "SM02", "CENTRE HOSPITALIER FICTIF"),
                    activity("10", "SM02", "CABINET D ANESTHESIE"), activity("21", null, "PHARMACIE")))
            .with(new Professional("ADELI", "319100012", "M", "FABRE", "Louis", true, List.of(activity("91", null, "CABINET"))));
    private final FakeDirectory live = new FakeDirectory(DirectorySource.LIVE_DIRECTORY);

    private IdentityVerifier verifier(Optional<ProfessionalDirectory> liveDirectory) {
        return new IdentityVerifier(new DirectoryConsultation(liveDirectory, imported), STRUCTURES, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Decision decide(String path, String type, String identifier, String last, String first, String profession) {
        return verifier(Optional.empty()).decide(request(path, type, identifier, last, first, profession));
    }

    private static VerificationRequest request(String path, String type, String identifier, String last, String first, String profession) {
        return new VerificationRequest(UUID.randomUUID(), UUID.randomUUID(), NOW, last, first, path, type, identifier, profession,
                null, true, null);
    }

    private static Decision national(IdentityVerifier verifier, String identifier, String last, String first, String profession) {
        return verifier.decide(request("NATIONAL_ID", "RPPS", identifier, last, first, profession));
    }

    @Nested
    class VouchedByProSanteConnect {

        private VerificationRequest vouched(String rpps, String last, String first, String profession) {
            return new VerificationRequest(UUID.randomUUID(), UUID.randomUUID(), NOW, last, first, "NATIONAL_ID", "RPPS", rpps,
                    profession, "SM54", true, null, VerificationRequest.PRO_SANTE_CONNECT);
        }

        @Test
        void anRppsPscVouchedForIsVerifiedWithoutAskingAnyDirectory() {
            // 99800040109 is in no directory: only PSC's word makes it verified.
            Decision decision = verifier(Optional.of(live)).decide(vouched("99800040109", "FONTAINE", "Claire", "10"));

            assertThat(decision.outcome()).isEqualTo(Outcome.VERIFIED);
            assertThat(decision.source()).isEqualTo(DecisionSource.PRO_SANTE_CONNECT);
            assertThat(decision.mailboxType()).isEqualTo("PER");
            assertThat(decision.profession()).isEqualTo("10");
            assertThat(decision.specialties()).containsExactly("SM54");
            assertThat(decision.comparisons()).extracting(Comparison::result).containsOnly("VOUCHED");
            assertThat(live.asked).isEmpty();
            assertThat(imported.asked).isEmpty();
        }

        @Test
        void aTypedProfileIsStillCheckedAgainstTheDirectory() {
            Decision decision = verifier(Optional.empty()).decide(request("NATIONAL_ID", "RPPS", "99800040109", "FONTAINE", "Claire", "10"));

            assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(decision.reason()).isEqualTo("NOT_FOUND");
            assertThat(imported.asked).containsExactly("RPPS 99800040109");
        }

        @Test
        void aVouchedProfileWithAMalformedRppsIsStillRefused() {
            Decision decision = verifier(Optional.empty()).decide(vouched("99800040100", "FONTAINE", "Claire", "10"));

            assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(decision.reason()).isEqualTo("INVALID_CHECK_DIGIT");
        }
    }

    @Nested
    class NationalId {

        @Test
        void a_matching_professional_is_verified_with_the_directory_evidence() {
            Decision decision = decide("NATIONAL_ID", "RPPS", "8 99800000012", "Durand", "Jean", "10");

            assertThat(decision.outcome()).isEqualTo(Outcome.VERIFIED);
            assertThat(decision.reason()).isNull();
            assertThat(decision.mailboxType()).isEqualTo("PER");
            assertThat(decision.identifierType()).isEqualTo("RPPS");
            assertThat(decision.identifier()).isEqualTo("99800000012");
            assertThat(decision.profession()).isEqualTo("10");
            assertThat(decision.specialties()).containsExactly("SM54");
            assertThat(decision.activities()).extracting(PractitionerActivity::structureName).containsExactly("CABINET MEDICAL");
            assertThat(decision.source()).isEqualTo(DecisionSource.IMPORTED_DIRECTORY);
            assertThat(decision.directoryImportId()).isEqualTo(IMPORT);
            assertThat(decision.decidedAt()).isEqualTo(NOW);
            assertThat(decision.structureIdentifier()).isNull();
            assertThat(decision.comparisons()).extracting(Comparison::field, Comparison::result).contains(
                    org.assertj.core.groups.Tuple.tuple("lastName", "MATCH"), org.assertj.core.groups.Tuple.tuple("firstName", "MATCH"),
                    org.assertj.core.groups.Tuple.tuple("profession", "MATCH"), org.assertj.core.groups.Tuple.tuple("active", "MATCH"));
        }

        @ParameterizedTest(name = "{1} {2} matches {0}")
        @CsvSource(delimiter = ';', value = {
                "99800000020;Dupont Martin;marie helene;21", "99800000046;Darcy;Elodie;70", "99800000046;d’arcy;ÉLODIE;70",
                "99800000087;Oeuvray;Francois;40"})
        void names_match_once_case_accents_hyphens_and_apostrophes_are_set_aside(String rpps, String last, String first, String profession) {
            assertThat(decide("NATIONAL_ID", "RPPS", rpps, last, first, profession).outcome()).isEqualTo(Outcome.VERIFIED);
        }

        @Test
        void only_the_activities_of_the_declared_profession_are_kept() {
            Decision decision = decide("NATIONAL_ID", "RPPS", "99800000103", "SICARD", "Camille", "10");

            assertThat(decision.activities()).hasSize(2);
            assertThat(decision.specialties()).containsExactly("SM02");
        }

        @Test
        void adeli_numbers_are_checked_the_same_way() {
            Decision decision = decide("NATIONAL_ID", "ADELI", "0319100012", "Fabre", "Louis", "91");

            assertThat(decision.outcome()).isEqualTo(Outcome.VERIFIED);
            assertThat(decision.identifierType()).isEqualTo("ADELI");
            assertThat(decision.identifier()).isEqualTo("319100012");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"10000001917,INVALID_CHECK_DIGIT", "10100326495,INVALID_CHECK_DIGIT", "9980000001,WRONG_LENGTH",
                "9980000001A,NOT_DIGITS", "'',WRONG_LENGTH"})
        void malformed_identifiers_are_refused_before_any_directory_is_asked(String rpps, String reason) {
            Decision decision = decide("NATIONAL_ID", "RPPS", rpps, "DURAND", "Jean", "10");

            assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(decision.reason()).isEqualTo(reason);
            assertThat(decision.source()).isEqualTo(DecisionSource.IDENTIFIER_SYNTAX);
            assertThat(decision.identifier()).isEqualTo(rpps);
            assertThat(imported.asked).isEmpty();
        }

        @Test
        void an_unknown_rpps_is_not_found() {
            Decision decision = decide("NATIONAL_ID", "RPPS", "99800000079", "DURAND", "Jean", "10");

            assertThat(decision.reason()).isEqualTo("NOT_FOUND");
            assertThat(decision.detail()).isEqualTo("RPPS 99800000079 is not in the imported directory (import 7)");
            assertThat(decision.directoryImportId()).isEqualTo(IMPORT);
            assertThat(decision.mailboxType()).isNull();
        }

        @Test
        void a_different_name_is_a_name_mismatch() {
            Decision decision = decide("NATIONAL_ID", "RPPS", "99800000012", "MARTIN", "Jean", "10");

            assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(decision.reason()).isEqualTo("NAME_MISMATCH");
            assertThat(decision.comparisons()).anySatisfy(c -> {
                assertThat(c.field()).isEqualTo("lastName");
                assertThat(c.declared()).isEqualTo("MARTIN");
                assertThat(c.directory()).isEqualTo("DURAND");
                assertThat(c.result()).isEqualTo("MISMATCH");
            });
        }

        @ParameterizedTest(name = "{1} {2}")
        @CsvSource(delimiter = ';', value = {"99800000012;Durant;Jean", "99800000020;Dupont;Marie-Hélène",
                "99800000020;DUPONT-MARTIN;Marie", "99800000012;Jean;Durand"})
        void a_near_miss_goes_to_manual_review_with_what_a_confirmation_would_publish(String rpps, String last, String first) {
            String profession = rpps.equals("99800000012") ? "10" : "21";
            Decision decision = decide("NATIONAL_ID", "RPPS", rpps, last, first, profession);

            assertThat(decision.outcome()).isEqualTo(Outcome.MANUAL_REVIEW);
            assertThat(decision.reason()).isEqualTo("NAME_MISMATCH");
            assertThat(decision.detail()).contains("near miss");
            assertThat(decision.verified()).isFalse();
            assertThat(decision.mailboxType()).isEqualTo("PER");
            assertThat(decision.profession()).isEqualTo(profession);
            assertThat(decision.activities()).isNotEmpty();
            PendingReview review = PendingReview.of(decision);
            assertThat(review.lastName()).isEqualTo(last);
            assertThat(review.identifier()).isEqualTo(rpps);
            assertThat(EvidenceSummary.of(decision)).contains("NAME_MISMATCH", "RPPS " + rpps, "imported directory (import 7)",
                    "NEAR_MISS");
        }

        @Test
        void another_profession_is_a_profession_mismatch() {
            Decision decision = decide("NATIONAL_ID", "RPPS", "99800000012", "DURAND", "Jean", "21");

            assertThat(decision.reason()).isEqualTo("PROFESSION_MISMATCH");
            assertThat(decision.detail()).contains("Declared profession 21", "[10]");
        }

        @Test
        void a_near_miss_with_another_profession_is_a_profession_mismatch_not_a_review() {
            assertThat(decide("NATIONAL_ID", "RPPS", "99800000012", "Durant", "Jean", "21").reason()).isEqualTo("PROFESSION_MISMATCH");
        }

        @Test
        void structure_identifiers_are_not_national_ids() {
            Decision decision = decide("NATIONAL_ID", "FINESS", "310000013", "DURAND", "Jean", "10");

            assertThat(decision.reason()).isEqualTo("IDENTIFIER_TYPE_NOT_ALLOWED");
        }

        @Test
        void an_unknown_type_or_path_is_refused() {
            assertThat(decide("NATIONAL_ID", "NIR", "1", "DURAND", "Jean", "10").reason()).isEqualTo("UNKNOWN_TYPE");
            assertThat(decide("SOMETHING", "RPPS", "99800000012", "DURAND", "Jean", "10").reason()).isEqualTo("UNKNOWN_PATH");
        }
    }

    /** A re-check after staff corrected a validated account's names (NamesCorrected). */
    @Nested
    class NamesCorrectedByStaff {

        private Decision recheck(IdentityVerifier verifier, String rpps, String last, String first, String profession) {
            return verifier.decide(request("NATIONAL_ID", "RPPS", rpps, last, first, profession).withNamesCorrectedByStaff());
        }

        @Test
        void names_the_directory_contradicts_go_to_a_reviewer_with_what_a_confirmation_would_publish() {
            Decision decision = recheck(verifier(Optional.empty()), "99800000012", "Lefebvre", "Claire", "10");

            assertThat(decision.outcome()).isEqualTo(Outcome.MANUAL_REVIEW);
            assertThat(decision.reason()).isEqualTo("NAME_MISMATCH");
            assertThat(decision.detail()).isEqualTo("Names corrected by staff to 'Lefebvre Claire' but the imported directory"
                    + " (import 7) lists 'DURAND Jean' for RPPS 99800000012: manual review needed");
            assertThat(decision.mailboxType()).isEqualTo("PER");
            assertThat(decision.profession()).isEqualTo("10");
            assertThat(decision.specialties()).containsExactly("SM54");
            assertThat(decision.activities()).extracting(PractitionerActivity::structureName).containsExactly("CABINET MEDICAL");
            PendingReview review = PendingReview.of(decision);
            assertThat(review.lastName()).isEqualTo("Lefebvre");
            assertThat(review.firstName()).isEqualTo("Claire");
            assertThat(EvidenceSummary.directoryValue(decision, "lastName")).isEqualTo("DURAND");
        }

        @Test
        void the_same_names_in_a_submitted_profile_are_still_refused() {
            assertThat(decide("NATIONAL_ID", "RPPS", "99800000012", "Lefebvre", "Claire", "10").outcome())
                    .isEqualTo(Outcome.REJECTED);
        }

        @Test
        void other_refusals_stay_refusals() {
            assertThat(recheck(verifier(Optional.empty()), "99800000012", "Lefebvre", "Claire", "21").reason())
                    .as("the profession is checked before the names go to a reviewer").isEqualTo("PROFESSION_MISMATCH");
            live.with(professional("99800000061", "DURAND", "Jean", false, activity("10", "SM59", "CENTRE HOSPITALIER FICTIF")));
            Decision inactive = recheck(verifier(Optional.of(live)), "99800000061", "Lefebvre", "Claire", "10");
            assertThat(inactive.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(inactive.reason()).isEqualTo("INACTIVE");
        }

        @Test
        void matching_names_and_near_misses_are_decided_as_on_a_first_check() {
            assertThat(recheck(verifier(Optional.empty()), "99800000012", "Durand", "Jean", "10").outcome())
                    .isEqualTo(Outcome.VERIFIED);
            assertThat(recheck(verifier(Optional.empty()), "99800000012", "Durant", "Jean", "10").detail()).contains("near miss");
        }
    }

    @Nested
    class LiveDirectory {

        @Test
        void the_live_directory_answers_first() {
            live.with(professional("99800000012", "DURAND", "Jean", true, activity("10", "SM54", "CABINET MEDICAL")));

            Decision decision = national(verifier(Optional.of(live)), "99800000012", "Durand", "Jean", "10");

            assertThat(decision.outcome()).isEqualTo(Outcome.VERIFIED);
            assertThat(decision.source()).isEqualTo(DecisionSource.LIVE_DIRECTORY);
            assertThat(decision.directoryImportId()).isNull();
            assertThat(imported.asked).isEmpty();
        }

        @Test
        void an_inactive_professional_is_refused() {
            live.with(professional("99800000061", "DURAND", "Jean", false, activity("10", "SM59", "CENTRE HOSPITALIER FICTIF")));

            Decision decision = national(verifier(Optional.of(live)), "99800000061", "DURAND", "Jean", "10");

            assertThat(decision.reason()).isEqualTo("INACTIVE");
            assertThat(decision.source()).isEqualTo(DecisionSource.LIVE_DIRECTORY);
        }

        @Test
        void not_found_in_the_live_directory_is_final() {
            Decision decision = national(verifier(Optional.of(live)), "99800000012", "DURAND", "Jean", "10");

            assertThat(decision.reason()).isEqualTo("NOT_FOUND");
            assertThat(decision.detail()).contains("live directory");
            assertThat(imported.asked).isEmpty();
        }

        @Test
        void when_the_live_directory_is_down_the_imported_one_answers_and_the_decision_says_so() {
            live.unavailable = "timeout: no answer within 4000 ms";

            Decision decision = national(verifier(Optional.of(live)), "99800000012", "DURAND", "Jean", "10");

            assertThat(decision.outcome()).isEqualTo(Outcome.VERIFIED);
            assertThat(decision.source()).isEqualTo(DecisionSource.IMPORTED_DIRECTORY);
            assertThat(decision.liveFailure()).isEqualTo("timeout: no answer within 4000 ms");
            assertThat(decision.directoryImportId()).isEqualTo(IMPORT);
        }

        @Test
        void when_no_directory_can_answer_a_person_reviews_it_and_the_decision_says_why() {
            live.unavailable = "circuit breaker open after repeated failures";
            imported.unavailable = "no directory has been imported yet";

            Decision decision = national(verifier(Optional.of(live)), "99800000012", "DURAND", "Jean", "10");

            assertThat(decision.outcome()).isEqualTo(Outcome.MANUAL_REVIEW);
            assertThat(decision.reason()).isEqualTo("DIRECTORY_UNAVAILABLE");
            assertThat(decision.detail()).contains("circuit breaker open", "no directory has been imported yet");
            assertThat(decision.mailboxType()).isEqualTo("PER");
            assertThat(decision.profession()).isEqualTo("10");
            assertThat(EvidenceSummary.of(decision)).contains("no directory answered", "circuit breaker open");
            assertThat(EvidenceSummary.directoryValue(decision, "lastName")).isNull();
        }
    }

    @Nested
    class ForeignOrInTraining {

        @Test
        void a_known_finess_site_gives_an_int_mailbox_attached_to_it() {
            Decision decision = decide("FOREIGN_OR_IN_TRAINING", "FINESS", "1310000013", "NGUYEN", "Linh", "60");

            assertThat(decision.outcome()).isEqualTo(Outcome.VERIFIED);
            assertThat(decision.mailboxType()).isEqualTo("INT");
            assertThat(decision.identifier()).isEqualTo("310000013");
            assertThat(decision.structureIdentifier()).isEqualTo("310000013");
            assertThat(decision.profession()).isEqualTo("60");
            assertThat(decision.specialties()).isEmpty();
            assertThat(decision.source()).isEqualTo(DecisionSource.IMPORTED_DIRECTORY);
            assertThat(decision.activities()).singleElement().satisfies(a -> {
                assertThat(a.structureName()).isEqualTo("CENTRE HOSPITALIER FICTIF");
                assertThat(a.finessSite()).isEqualTo("310000013");
            });
        }

        @Test
        void a_known_legal_entity_is_accepted_too() {
            Decision decision = decide("FOREIGN_OR_IN_TRAINING", "FINESS", "310000005", "NGUYEN", "Linh", "60");

            assertThat(decision.outcome()).isEqualTo(Outcome.VERIFIED);
            assertThat(decision.detail()).contains("legal entity");
        }

        @Test
        void a_corsican_finess_is_accepted_by_format_and_looked_up() {
            assertThat(decide("FOREIGN_OR_IN_TRAINING", "FINESS", "2a0000012", "NGUYEN", "Linh", "60").structureIdentifier())
                    .isEqualTo("2A0000012");
        }

        @Test
        void a_well_formed_finess_the_directory_does_not_know_is_refused() {
            Decision decision = decide("FOREIGN_OR_IN_TRAINING", "FINESS", "310000021", "NGUYEN", "Linh", "60");

            assertThat(decision.reason()).isEqualTo("STRUCTURE_NOT_FOUND");
            assertThat(decision.mailboxType()).isNull();
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({"SIRET,73282932000074", "SIRET,35600000009075", "SIREN,404833048", "SIRET,732 829 320 00074"})
        void siren_and_siret_need_only_be_well_formed(String type, String identifier) {
            Decision decision = decide("FOREIGN_OR_IN_TRAINING", type, identifier, "NGUYEN", "Linh", "60");

            assertThat(decision.outcome()).isEqualTo(Outcome.VERIFIED);
            assertThat(decision.source()).isEqualTo(DecisionSource.IDENTIFIER_SYNTAX);
            assertThat(decision.mailboxType()).isEqualTo("INT");
            assertThat(decision.structureIdentifier()).isEqualTo(identifier.replace(" ", ""));
        }

        @ParameterizedTest(name = "{0} {1} -> {2}")
        @CsvSource({"SIRET,73282932000075,INVALID_CHECK_DIGIT", "SIRET,35600000009076,INVALID_CHECK_DIGIT",
                "SIREN,40483304,WRONG_LENGTH", "FINESS,2C0000012,INVALID_DEPARTMENT", "FINESS,31000001X,NOT_DIGITS",
                "RPPS,99800000012,IDENTIFIER_TYPE_NOT_ALLOWED", "ADELI,319100012,IDENTIFIER_TYPE_NOT_ALLOWED"})
        void malformed_or_personal_identifiers_are_refused(String type, String identifier, String reason) {
            assertThat(decide("FOREIGN_OR_IN_TRAINING", type, identifier, "NGUYEN", "Linh", "60").reason()).isEqualTo(reason);
        }

        @Test
        void without_an_imported_directory_a_finess_cannot_be_checked() {
            IdentityVerifier verifier = new IdentityVerifier(new DirectoryConsultation(Optional.empty(), imported),
                    finess -> new StructureAnswer.Unavailable("no directory has been imported yet"), Clock.fixed(NOW, ZoneOffset.UTC));

            Decision decision = verifier.decide(request("FOREIGN_OR_IN_TRAINING", "FINESS", "310000013", "N", "L", "60"));
            assertThat(decision.reason()).isEqualTo("DIRECTORY_UNAVAILABLE");
            assertThat(decision.outcome()).isEqualTo(Outcome.MANUAL_REVIEW);
            assertThat(decision.mailboxType()).isEqualTo("INT");
            assertThat(decision.structureIdentifier()).isEqualTo("310000013");
        }
    }
}
