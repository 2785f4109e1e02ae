package fr.esante.medimail.registration.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void frenchNumbersInTheirUsualSpellings() {
        assertThat("05 61 00 00 00").matches(PhoneNumbers.FRENCH);
        assertThat("0561000000").matches(PhoneNumbers.FRENCH);
        assertThat("05.61.00.00.00").matches(PhoneNumbers.FRENCH);
        assertThat("+33 5 61 00 00 00").matches(PhoneNumbers.FRENCH);
        assertThat("+33 (0)5 61 00 00 00").matches(PhoneNumbers.FRENCH);
        assertThat("0033561000000").matches(PhoneNumbers.FRENCH);
        assertThat("0561 00 00 0").doesNotMatch(PhoneNumbers.FRENCH);
        assertThat("00 61 00 00 00").doesNotMatch(PhoneNumbers.FRENCH);
        assertThat("+44 20 7946 0000").doesNotMatch(PhoneNumbers.FRENCH);
    }

    @Test
    void storedInTheNationalTenDigitForm() {
        assertThat(PhoneNumbers.normalise("05 61 00 00 00")).isEqualTo("0561000000");
        assertThat(PhoneNumbers.normalise("+33 (0)5 61 00 00 00")).isEqualTo("0561000000");
        assertThat(PhoneNumbers.normalise("+33 6 12 34 56 78")).isEqualTo("0612345678");
        assertThat(PhoneNumbers.normalise("0033-6-12-34-56-78")).isEqualTo("0612345678");
        assertThat(PhoneNumbers.normalise(null)).isNull();
    }
}
