package fr.esante.medimail.registration.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import de.mkammerer.argon2.Argon2Factory;
import fr.esante.medimail.registration.IntegrationTest;

/** Passwords stored by earlier versions (BCrypt) or with weaker parameters are renewed at the next successful sign-in. */
class PasswordHashRenewalIT extends IntegrationTest {

    private static final String CURRENT = "$argon2id$v=19$m=7168,t=5,p=1$";

    @Test
    void aBcryptHashStillSignsInAndIsReplacedByArgon2id() {
        String email = uniqueEmail("bcrypt");
        confirmedAccount(email);
        storeHash(email, new BCryptPasswordEncoder(4).encode(PASSWORD));

        assertThat(signIn(email, "PasLeBonMotDePasse1").status()).isEqualTo(401);
        assertThat(storedHash(email)).as("a wrong password renews nothing").startsWith("$2a$04$");

        assertThat(signIn(email, PASSWORD).status()).isEqualTo(200);
        String renewed = storedHash(email);
        assertThat(renewed).startsWith(CURRENT);

        assertThat(signIn(email, PASSWORD).status()).as("the new hash works").isEqualTo(200);
        assertThat(storedHash(email)).as("and is kept").isEqualTo(renewed);
    }

    @Test
    void anArgon2idHashWithWeakerParametersIsRenewedWithTheConfiguredOnes() {
        String email = uniqueEmail("weaker");
        confirmedAccount(email);
        String weaker = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id)
                .hash(2, 4096, 1, PASSWORD.toCharArray(), StandardCharsets.UTF_8);
        storeHash(email, weaker);

        assertThat(signIn(email, PASSWORD).status()).isEqualTo(200);

        assertThat(storedHash(email)).startsWith(CURRENT);
    }

    @Test
    void aNewAccountIsStoredWithTheConfiguredParametersAndKeptAsIs() {
        String email = uniqueEmail("current");
        confirmedAccount(email);
        String stored = storedHash(email);
        assertThat(stored).startsWith(CURRENT);

        assertThat(signIn(email, PASSWORD).status()).isEqualTo(200);

        assertThat(storedHash(email)).isEqualTo(stored);
    }

    private void storeHash(String email, String hash) {
        assertThat(jdbc.sql("UPDATE account SET password_hash = :hash WHERE email = :email")
                .param("hash", hash).param("email", email).update()).isEqualTo(1);
    }

    private String storedHash(String email) {
        return jdbc.sql("SELECT password_hash FROM account WHERE email = :email").param("email", email)
                .query(String.class).single();
    }
}
