package fr.esante.medimail.support.passwords;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordHashingTest {

    private static final PasswordHashing HASHING = new PasswordHashing(PasswordHashingSettings.defaults());

    @AfterAll
    static void stop() {
        HASHING.close();
    }

    @Test
    void newHashesAreArgon2idWithTheConfiguredParametersAndASaltOfTheirOwn() {
        String first = HASHING.encode("Stethoscope2024");
        String second = HASHING.encode("Stethoscope2024");

        assertThat(first).startsWith("$argon2id$v=19$m=7168,t=5,p=1$").doesNotContain("Stethoscope2024");
        assertThat(second).isNotEqualTo(first);
        assertThat(HASHING.matches("Stethoscope2024", first)).isTrue();
        assertThat(HASHING.matches("Stethoscope2025", first)).isFalse();
        assertThat(HASHING.matches("Stéthoscope2024", HASHING.encode("Stéthoscope2024"))).isTrue();
        assertThat(HASHING.upgradeEncoding(first)).isFalse();
    }

    @Test
    void bcryptHashesOfEarlierVersionsStillMatchAndAskToBeRenewed() {
        String bcrypt = new BCryptPasswordEncoder(4).encode("Stethoscope2024");

        assertThat(HASHING.matches("Stethoscope2024", bcrypt)).isTrue();
        assertThat(HASHING.matches("Stethoscope2024", "{bcrypt}" + bcrypt)).isTrue();
        assertThat(HASHING.matches("Stethoscope2025", bcrypt)).isFalse();
        assertThat(HASHING.upgradeEncoding(bcrypt)).isTrue();
    }

    @Test
    void hashesMadeWithOtherParametersAskToBeRenewed() {
        try (PasswordHashing weaker = new PasswordHashing(new PasswordHashingSettings(4096, 3, 1, 1, 4))) {
            String old = weaker.encode("Stethoscope2024");

            assertThat(old).startsWith("$argon2id$v=19$m=4096,t=3,p=1$");
            assertThat(HASHING.matches("Stethoscope2024", old)).as("still verified with its own parameters").isTrue();
            assertThat(HASHING.upgradeEncoding(old)).isTrue();
            assertThat(weaker.upgradeEncoding(old)).isFalse();
        }
    }

    @Test
    void unknownFormatsMatchNothing() {
        assertThat(HASHING.matches("Stethoscope2024", "Stethoscope2024")).isFalse();
        assertThat(HASHING.matches("Stethoscope2024", "")).isFalse();
        assertThat(HASHING.matches("Stethoscope2024", null)).isFalse();
        assertThat(PasswordHashing.isSupportedHash("agent")).isFalse();
        assertThat(PasswordHashing.isSupportedHash(HASHING.encode("agent"))).isTrue();
        assertThat(PasswordHashing.isSupportedHash("{bcrypt}" + new BCryptPasswordEncoder(4).encode("agent"))).isTrue();
    }
}
