package fr.esante.medimail.registration.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule on names, as the registration form and staff corrections meet it. */
class PersonNamesTest {

    @Test
    void namesOfAnyScriptWithBlanksApostrophesDotsAndHyphensAreAccepted() {
        assertThat(PersonNames.problemWith("D'Arcy-Le Gall")).isEmpty();
        assertThat(PersonNames.problemWith("Hélène")).isEmpty();
        assertThat(PersonNames.problemWith("St. Œuvray’s")).isEmpty();
        assertThat(PersonNames.problemWith("Ζωή")).isEmpty();
    }

    @Test
    void aDigitALeadingSignAMissingOrATooLongNameIsNamed() {
        assertThat(PersonNames.problemWith("Jean2")).contains(FieldProblem.CHARACTERS);
        assertThat(PersonNames.problemWith("-Jean")).contains(FieldProblem.CHARACTERS);
        assertThat(PersonNames.problemWith(" ")).contains(FieldProblem.REQUIRED);
        assertThat(PersonNames.problemWith(null)).contains(FieldProblem.REQUIRED);
        assertThat(PersonNames.problemWith("D".repeat(PersonNames.MAX_LENGTH))).isEmpty();
        assertThat(PersonNames.problemWith("D".repeat(PersonNames.MAX_LENGTH + 1))).contains(FieldProblem.TOO_LONG);
    }

    @Test
    void tidyingTrimsAndCollapsesInnerBlanks() {
        assertThat(PersonNames.tidy("  Durand   Martin ")).isEqualTo("Durand Martin");
        assertThat(PersonNames.tidy(null)).isNull();
    }
}
