package fr.esante.medimail.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void twelveCharactersWithLettersAndDigits() {
        assertThat(PasswordPolicy.isStrongEnough("Stethoscope1")).isTrue();
        assertThat(PasswordPolicy.isStrongEnough("Stethoscop1")).isFalse();
        assertThat(PasswordPolicy.isStrongEnough("Stethoscopes")).isFalse();
        assertThat(PasswordPolicy.isStrongEnough("123456789012")).isFalse();
        assertThat(PasswordPolicy.isStrongEnough("éèàùçôêîûëï1")).isTrue();
    }

    @Test
    void atMostWhatBcryptTakesIntoAccount() {
        assertThat(PasswordPolicy.fitsHashing("a".repeat(72))).isTrue();
        assertThat(PasswordPolicy.fitsHashing("a".repeat(73))).isFalse();
        assertThat(PasswordPolicy.fitsHashing("é".repeat(37))).isFalse();
    }
}
