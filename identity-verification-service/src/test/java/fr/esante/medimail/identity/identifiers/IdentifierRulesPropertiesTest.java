package fr.esante.medimail.identity.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Properties over generated input (seeded, so a failure names its repetition and is reproducible): any text
 * gets an answer, and a Luhn key computed here is always accepted while any single typing error is caught.
 */
class IdentifierRulesPropertiesTest {

    private static final String ALPHABET = "0123456789 .-–\u00A0AaBbFfZz|/éŒ８٦\t\n";

    private static String randomText(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x3000) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static String randomDigits(Random random, int length) {
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    @RepeatedTest(20)
    void any_text_gets_a_code_or_a_normalised_value(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        for (int i = 0; i < 500; i++) {
            String type = random.nextBoolean() ? IdentifierType.values()[random.nextInt(5)].name() : randomText(random, 6);
            IdentifierCheck check = IdentifierRules.check(type, randomText(random, 20));
            assertThat(check.isWellFormed()).isEqualTo(check.problem() == null);
            assertThat(check.isWellFormed() ? check.normalised() : check.code()).isNotNull();
        }
    }

    @RepeatedTest(20)
    void an_rpps_with_its_computed_key_is_well_formed_and_any_other_key_is_not(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        for (int i = 0; i < 100; i++) {
            String body = randomDigits(random, 10);
            char key = Luhn.keyFor(body);
            assertThat(IdentifierRules.check(IdentifierType.RPPS, body + key).normalised()).isEqualTo(body + key);
            assertThat(IdentifierRules.check(IdentifierType.RPPS, "8" + body + key).normalised()).isEqualTo(body + key);
            char other = (char) ('0' + (key - '0' + 1 + random.nextInt(9)) % 10);
            assertThat(IdentifierRules.check(IdentifierType.RPPS, body + other).problem())
                    .isEqualTo(SyntaxProblem.INVALID_CHECK_DIGIT);
        }
    }

    @RepeatedTest(20)
    void a_single_typing_error_in_a_siren_is_caught(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        for (int i = 0; i < 100; i++) {
            String body = randomDigits(random, 8);
            char[] typo = (body + Luhn.keyFor(body)).toCharArray();
            int position = random.nextInt(9);
            typo[position] = (char) ('0' + (typo[position] - '0' + 1 + random.nextInt(9)) % 10);
            assertThat(IdentifierRules.check(IdentifierType.SIREN, new String(typo)).problem())
                    .isEqualTo(SyntaxProblem.INVALID_CHECK_DIGIT);
        }
    }
}
