package fr.esante.medimail.registration.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RejectionMessagesTest {

    private static final String FALLBACK = RejectionMessages.identityRejected("A_CODE_NOBODY_SENDS").message();

    @ParameterizedTest
    @ValueSource(strings = {"INVALID_CHECK_DIGIT", "WRONG_LENGTH", "NOT_DIGITS", "INVALID_DEPARTMENT", "UNKNOWN_TYPE",
            "UNKNOWN_PATH", "IDENTIFIER_TYPE_NOT_ALLOWED", "NOT_FOUND", "INACTIVE", "NAME_MISMATCH", "PROFESSION_MISMATCH",
            "STRUCTURE_NOT_FOUND", "DIRECTORY_UNAVAILABLE", "IDENTIFIER_ALREADY_REGISTERED"})
    void everyCodeIdentityVerificationSendsHasItsOwnFrenchMessageAndTheEnglishDetailIsNeverShown(String code) {
        Rejection rejection = RejectionMessages.identityRejected(code, "RPPS 99800000012 fails its check digit");

        assertThat(rejection.code()).isEqualTo(code);
        assertThat(rejection.message()).isNotEqualTo(FALLBACK).doesNotContain("check digit").doesNotContain(code);
        assertThat(rejection.message()).matches(".*[éèàêô].*");
        assertThat(RejectionMessages.identityRejected(code).message()).isEqualTo(rejection.message());
    }

    @Test
    void theNewCodesSayWhatToCorrect() {
        assertThat(RejectionMessages.identityRejected("INVALID_DEPARTMENT").message()).contains("FINESS", "département");
        assertThat(RejectionMessages.identityRejected("UNKNOWN_TYPE").message()).contains("RPPS", "ADELI", "FINESS");
        assertThat(RejectionMessages.identityRejected("UNKNOWN_PATH").message()).contains("identifiant national", "formation");
        assertThat(RejectionMessages.identityRejected("IDENTIFIER_TYPE_NOT_ALLOWED").message()).contains("SIRET", "RPPS");
        assertThat(RejectionMessages.identityRejected("DIRECTORY_UNAVAILABLE").message()).contains("annuaire", "plus tard");
        assertThat(RejectionMessages.identityRejected("IDENTIFIER_ALREADY_REGISTERED").message())
                .as("how to get back into the existing account").contains("Mot de passe oublié", "0 820 250 035");
    }

    @Test
    void anIdentityRefusedByAReviewerShowsTheReviewersOwnText() {
        String text = "Le nom saisi ne correspond pas à votre carte CPS : corrigez-le.";

        Rejection rejection = RejectionMessages.identityRejected("REJECTED_BY_REVIEWER", "  " + text + "\n");

        assertThat(rejection.code()).isEqualTo("REJECTED_BY_REVIEWER");
        assertThat(rejection.message()).startsWith("Le centre de services n'a pas pu confirmer votre identité professionnelle.")
                .contains("Motif : " + text + " ").endsWith("ou contactez le centre de services.");
    }

    @Test
    void anIdentityRefusedByAReviewerWithoutTextOrWithAnOverlongOneStillReadsWellAndFitsTheColumn() {
        assertThat(RejectionMessages.identityRejected("REJECTED_BY_REVIEWER", null).message())
                .isEqualTo(RejectionMessages.identityRejected("REJECTED_BY_REVIEWER", "  ").message())
                .doesNotContain("Motif").contains("centre de services");
        assertThat(RejectionMessages.identityRejected("REJECTED_BY_REVIEWER", "é".repeat(5000)).message())
                .hasSizeLessThanOrEqualTo(2000).contains("…");
    }
}
