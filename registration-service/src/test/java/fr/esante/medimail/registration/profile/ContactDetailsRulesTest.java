package fr.esante.medimail.registration.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.registration.account.FieldProblem;
import fr.esante.medimail.registration.account.PostalAddress;
import fr.esante.medimail.registration.profile.ContactDetailsRules.Breach;
import fr.esante.medimail.registration.profile.ContactDetailsRules.Field;

/** The one set of rules on phones and address, as staff corrections meet them (the forms use the same constants). */
class ContactDetailsRulesTest {

    private static final PostalAddress TOULOUSE = new PostalAddress("2 place du Capitole", "31000", "Toulouse", "76", "31");

    @Test
    void frenchNumbersAndAWholeKnownAddressAreAccepted() {
        assertThat(ContactDetailsRules.problemWith("+33 5 62 11 22 33", "06.12.34.56.78", TOULOUSE)).isEmpty();
        assertThat(ContactDetailsRules.problemWith(null, null, null)).as("nothing to check").isEmpty();
    }

    @Test
    void theFirstFieldBrokenIsNamedWithWhy() {
        assertThat(ContactDetailsRules.problemWith("12 34", null, null)).contains(new Breach(Field.PHONE, FieldProblem.FORMAT));
        assertThat(ContactDetailsRules.problemWith(null, "0".repeat(26), null))
                .contains(new Breach(Field.SECOND_PHONE, FieldProblem.TOO_LONG));
        assertThat(ContactDetailsRules.problemWith(null, null,
                new PostalAddress("2 place du Capitole", "314", "Toulouse", "76", null)))
                .contains(new Breach(Field.POSTAL_CODE, FieldProblem.FORMAT));
        assertThat(ContactDetailsRules.problemWith(null, null,
                new PostalAddress("2 place du Capitole", "31000", " ", "76", null)))
                .contains(new Breach(Field.CITY, FieldProblem.REQUIRED));
        assertThat(ContactDetailsRules.problemWith(null, null,
                new PostalAddress("2 place du Capitole", "31000", "Toulouse", "99", null)))
                .contains(new Breach(Field.REGION, FieldProblem.UNKNOWN));
        assertThat(ContactDetailsRules.problemWith(null, null,
                new PostalAddress("2 place du Capitole", "31000", "Toulouse", "76", "3")))
                .contains(new Breach(Field.DEPARTMENT, FieldProblem.FORMAT));
    }
}
