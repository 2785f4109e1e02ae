package fr.esante.medimail.identity.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every vector below was computed (Luhn or digit sum), never copied from documentation: the procedure's
 * example RPPS 10100326495 is itself invalid and is kept here as a negative case.
 */
class IdentifierRulesTest {

    private static void assertWellFormed(IdentifierType type, String input, String normalised, KeyRule rule) {
        IdentifierCheck check = IdentifierRules.check(type, input);
        assertThat(check.problem()).as("%s %s", type, input).isNull();
        assertThat(check.isWellFormed()).isTrue();
        assertThat(check.normalised()).isEqualTo(normalised);
        assertThat(check.keyRule()).isEqualTo(rule);
        assertThat(check.code()).isNull();
    }

    private static void assertProblem(IdentifierType type, String input, SyntaxProblem problem) {
        IdentifierCheck check = IdentifierRules.check(type, input);
        assertThat(check.problem()).as("%s %s", type, input).isEqualTo(problem);
        assertThat(check.isWellFormed()).isFalse();
        assertThat(check.normalised()).isNull();
        assertThat(check.code()).isEqualTo(problem.name());
    }

    @Nested
    class Rpps {

        @ParameterizedTest
        @ValueSource(strings = {"10000001916", "99800000012", "99800000020", "99800000038", "99800000046",
                "99800000053", "99800000061", "99800000079", "99800000087", "99800000095", "99700218896"})
        void valid_keys(String rpps) {
            assertWellFormed(IdentifierType.RPPS, rpps, rpps, KeyRule.LUHN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"10000001917", "10100326495", "99800000013", "99800000010"})
        void invalid_keys(String rpps) {
            assertProblem(IdentifierType.RPPS, rpps, SyntaxProblem.INVALID_CHECK_DIGIT);
        }

        @Test
        void national_form_is_8_then_the_rpps() {
            assertWellFormed(IdentifierType.RPPS, "810000001916", "10000001916", KeyRule.LUHN);
            assertWellFormed(IdentifierType.RPPS, "899700218896", "99700218896", KeyRule.LUHN);
            // The key applies to the RPPS part only: 8 + an invalid RPPS stays invalid.
            assertProblem(IdentifierType.RPPS, "810000001917", SyntaxProblem.INVALID_CHECK_DIGIT);
        }

        @Test
        void twelve_digits_without_the_national_prefix_are_the_wrong_length() {
            assertProblem(IdentifierType.RPPS, "910000001916", SyntaxProblem.WRONG_LENGTH);
            assertProblem(IdentifierType.RPPS, "8810000001916", SyntaxProblem.WRONG_LENGTH);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1000000191", "100000019160", "1", "99800000012999"})
        void wrong_length(String rpps) {
            assertProblem(IdentifierType.RPPS, rpps, SyntaxProblem.WRONG_LENGTH);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1000000191A", "RPPS10000001916", "10000001916/", "１０００００００１９１６", "1000000191٦"})
        void letters_and_foreign_digits_are_not_digits(String rpps) {
            assertProblem(IdentifierType.RPPS, rpps, SyntaxProblem.NOT_DIGITS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"100 000 019 16", "100.000.019.16", "100-000-019-16", " 10000001916 ", "1 0000 0019 16",
                "100\u00A0000\u00A0019\u00A016", "100\u202F000\u202F019\u202F16", "100–000–019–16", "8 10000001916"})
        void separators_typed_between_digits_are_tolerated(String rpps) {
            assertWellFormed(IdentifierType.RPPS, rpps, "10000001916", KeyRule.LUHN);
        }

        @Test
        void national_form_of_a_check_is_8_then_the_rpps() {
            assertThat(IdentifierRules.check(IdentifierType.RPPS, "10000001916").nationalForm()).isEqualTo("810000001916");
        }
    }

    @Nested
    class Adeli {

        @Test
        void valid_key_and_national_form() {
            assertWellFormed(IdentifierType.ADELI, "991023763", "991023763", KeyRule.LUHN);
            assertWellFormed(IdentifierType.ADELI, "0991023763", "991023763", KeyRule.LUHN);
            assertWellFormed(IdentifierType.ADELI, "99 10 2376 3", "991023763", KeyRule.LUHN);
            assertThat(IdentifierRules.check(IdentifierType.ADELI, "991023763").nationalForm()).isEqualTo("0991023763");
        }

        @Test
        void invalid_key_wrong_length_letters() {
            assertProblem(IdentifierType.ADELI, "991023764", SyntaxProblem.INVALID_CHECK_DIGIT);
            assertProblem(IdentifierType.ADELI, "99102376", SyntaxProblem.WRONG_LENGTH);
            assertProblem(IdentifierType.ADELI, "1991023763", SyntaxProblem.WRONG_LENGTH);
            assertProblem(IdentifierType.ADELI, "99102376A", SyntaxProblem.NOT_DIGITS);
        }
    }

    @Nested
    class Finess {

        @ParameterizedTest
        @ValueSource(strings = {"010780195", "310000013", "340000017", "310000021"})
        void all_digit_numbers_are_luhn_keyed(String finess) {
            assertWellFormed(IdentifierType.FINESS, finess, finess, KeyRule.LUHN);
        }

        @Test
        void national_form_is_1_then_the_finess() {
            assertWellFormed(IdentifierType.FINESS, "1010780195", "010780195", KeyRule.LUHN);
            assertWellFormed(IdentifierType.FINESS, "1 310 000 013", "310000013", KeyRule.LUHN);
            assertThat(IdentifierRules.check(IdentifierType.FINESS, "310000013").nationalForm()).isEqualTo("1310000013");
        }

        @ParameterizedTest
        @ValueSource(strings = {"010780196", "310000014", "340000010"})
        void invalid_keys(String finess) {
            assertProblem(IdentifierType.FINESS, finess, SyntaxProblem.INVALID_CHECK_DIGIT);
        }

        @ParameterizedTest
        @CsvSource({"2A0000012,2A0000012", "2B0012345,2B0012345", "2a1234567,2A1234567", "2A 000 001 9,2A0000019",
                "12A0000012,2A0000012"})
        void corsica_is_accepted_by_format_alone(String input, String normalised) {
            assertWellFormed(IdentifierType.FINESS, input, normalised, KeyRule.FORMAT_ONLY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"9A0000011", "9B1234567", "9C0000000", "9D7654321", "9E0000001", "9F9999999"})
        void overseas_letters_are_accepted_by_format_alone(String finess) {
            assertWellFormed(IdentifierType.FINESS, finess, finess, KeyRule.FORMAT_ONLY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2C0000012", "9G0000011", "3A0000013", "000000000", "200000008", "960000008", "990000002",
                "A10000013", "AB0000013"})
        void unknown_departements(String finess) {
            assertProblem(IdentifierType.FINESS, finess, SyntaxProblem.INVALID_DEPARTMENT);
        }

        @Test
        void department_check_comes_after_length_and_before_the_key() {
            // 200000008 passes Luhn: only its département (20, gone since 1976) is wrong.
            assertThat(Luhn.isValid("200000008")).isTrue();
            assertProblem(IdentifierType.FINESS, "200000008", SyntaxProblem.INVALID_DEPARTMENT);
            // 000000000, 960000008 and 990000002 pass Luhn too.
            assertThat(Luhn.isValid("000000000") && Luhn.isValid("960000008") && Luhn.isValid("990000002")).isTrue();
            assertProblem(IdentifierType.FINESS, "20000000", SyntaxProblem.WRONG_LENGTH);
        }

        @ParameterizedTest
        @ValueSource(strings = {"31000001X", "3100A0013", "31000/013", "2A00000É2"})
        void letters_outside_the_departement_are_not_digits(String finess) {
            assertProblem(IdentifierType.FINESS, finess, SyntaxProblem.NOT_DIGITS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"31000001", "3100000130", "2A000001", "11310000013"})
        void wrong_length(String finess) {
            assertProblem(IdentifierType.FINESS, finess, SyntaxProblem.WRONG_LENGTH);
        }
    }

    @Nested
    class SirenAndSiret {

        @Test
        void siren() {
            assertWellFormed(IdentifierType.SIREN, "404833048", "404833048", KeyRule.LUHN);
            assertWellFormed(IdentifierType.SIREN, "404 833 048", "404833048", KeyRule.LUHN);
            assertProblem(IdentifierType.SIREN, "404833049", SyntaxProblem.INVALID_CHECK_DIGIT);
            assertProblem(IdentifierType.SIREN, "4048330480", SyntaxProblem.WRONG_LENGTH);
            assertProblem(IdentifierType.SIREN, "40483304B", SyntaxProblem.NOT_DIGITS);
        }

        @Test
        void siret() {
            assertWellFormed(IdentifierType.SIRET, "73282932000074", "73282932000074", KeyRule.LUHN);
            assertWellFormed(IdentifierType.SIRET, "732 829 320 00074", "73282932000074", KeyRule.LUHN);
            assertProblem(IdentifierType.SIRET, "73282932000075", SyntaxProblem.INVALID_CHECK_DIGIT);
            assertProblem(IdentifierType.SIRET, "7328293200007", SyntaxProblem.WRONG_LENGTH);
            assertProblem(IdentifierType.SIRET, "7328293200007A", SyntaxProblem.NOT_DIGITS);
        }

        @Test
        void la_poste_establishments_are_keyed_on_their_digit_sum() {
            // 3+5+6+9+7+5 = 35; this number fails Luhn, so only the La Poste rule can accept it.
            assertThat(Luhn.isValid("35600000009075")).isFalse();
            assertWellFormed(IdentifierType.SIRET, "35600000009075", "35600000009075", KeyRule.LA_POSTE_DIGIT_SUM);
            assertWellFormed(IdentifierType.SIRET, "35600000000001", "35600000000001", KeyRule.LA_POSTE_DIGIT_SUM);
            // Digit sum 36: refused even though the rest looks like La Poste.
            assertProblem(IdentifierType.SIRET, "35600000009076", SyntaxProblem.INVALID_CHECK_DIGIT);
            // Passes Luhn, digit sum 15+... = 19: La Poste numbers do not fall back on Luhn.
            assertThat(Luhn.isValid("35600000000014")).isTrue();
            assertProblem(IdentifierType.SIRET, "35600000000014", SyntaxProblem.INVALID_CHECK_DIGIT);
        }

        @Test
        void la_poste_head_office_is_luhn_keyed() {
            assertThat(Luhn.isValid("35600000000048")).isTrue();
            assertWellFormed(IdentifierType.SIRET, "35600000000048", "35600000000048", KeyRule.LUHN);
        }

        @Test
        void la_poste_siren_itself_is_luhn_keyed() {
            assertThat(Luhn.isValid("356000000")).isTrue();
            assertWellFormed(IdentifierType.SIREN, "356000000", "356000000", KeyRule.LUHN);
        }
    }

    @Nested
    class AnyInput {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", " . - "})
        void nothing_typed_is_the_wrong_length(String value) {
            for (IdentifierType type : IdentifierType.values()) {
                assertProblem(type, value, SyntaxProblem.WRONG_LENGTH);
            }
        }

        @Test
        void unknown_types_get_a_code() {
            assertThat(IdentifierRules.check("NIR", "10000001916").code()).isEqualTo("UNKNOWN_TYPE");
            assertThat(IdentifierRules.check((String) null, "10000001916").code()).isEqualTo("UNKNOWN_TYPE");
            assertThat(IdentifierRules.check("", "10000001916").type()).isNull();
        }

        @Test
        void type_names_are_case_insensitive() {
            IdentifierCheck check = IdentifierRules.check(" rpps ", "10000001916");
            assertThat(check.type()).isEqualTo(IdentifierType.RPPS);
            assertThat(check.isWellFormed()).isTrue();
        }

        @Test
        void a_very_long_value_is_the_wrong_length() {
            assertProblem(IdentifierType.RPPS, "1".repeat(100_000), SyntaxProblem.WRONG_LENGTH);
            assertProblem(IdentifierType.FINESS, "1".repeat(100_000), SyntaxProblem.WRONG_LENGTH);
        }

        @Test
        void the_input_is_echoed_untouched() {
            assertThat(IdentifierRules.check(IdentifierType.RPPS, " 100 000 019 16").input()).isEqualTo(" 100 000 019 16");
        }
    }

    @Nested
    class LuhnKey {

        @Test
        void key_completes_the_sum() {
            assertThat(Luhn.keyFor("9980000001")).isEqualTo('2');
            assertThat(Luhn.keyFor("1000000191")).isEqualTo('6');
            assertThat(Luhn.keyFor("40483304")).isEqualTo('8');
        }
    }
}
