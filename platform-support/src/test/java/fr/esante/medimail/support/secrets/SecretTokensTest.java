package fr.esante.medimail.support.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class SecretTokensTest {

    private static final String KEY = Base64.getEncoder().encodeToString("medimail-dev-only-sealing-key-32".getBytes());
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another-sealing-key-of-32-bytes!".getBytes());

    @Test
    void aKeyedHashIsStableForOneKeyAndUselessWithoutIt() {
        SecretTokens secrets = new SecretTokens(KEY);

        String hashed = secrets.keyedHash("challenge:493817");

        assertThat(hashed).hasSize(64).isEqualTo(secrets.keyedHash("challenge:493817"))
                .isNotEqualTo(secrets.keyedHash("challenge:493818"))
                .isNotEqualTo(SecretTokens.hash("challenge:493817"))
                .isNotEqualTo(new SecretTokens(OTHER_KEY).keyedHash("challenge:493817"));
    }

    @Test
    void aSealedSecretOpensWithTheSameKeyOnly() {
        SecretTokens secrets = new SecretTokens(KEY);
        String sealed = secrets.seal("493817");

        assertThat(sealed).doesNotContain("493817");
        assertThat(secrets.open(sealed)).isEqualTo("493817");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new SecretTokens(OTHER_KEY).open(sealed)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
