package fr.esante.medimail.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.esante.medimail.backoffice.staff.web.StaffDirectory;

/** Staff passwords: Argon2id hashes are accepted in configuration, and a BCrypt one still logs in and is renewed. */
class StaffPasswordHashIT extends BackofficeIntegrationTest {

    @Autowired
    StaffDirectory staff;

    @Test
    void aReviewerConfiguredWithABcryptHashLogsInAndTheHashIsRenewedToArgon2id() {
        assertThat(get("/api/v1/reviews", basic(REVIEWER, "pas-le-bon")).status()).isEqualTo(401);

        assertThat(get("/api/v1/reviews", reviewer()).status()).isEqualTo(200);

        assertThat(staff.loadUserByUsername(REVIEWER).getPassword()).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
        assertThat(get("/api/v1/reviews", reviewer()).status()).as("the renewed hash works").isEqualTo(200);
        assertThat(get("/api/v1/reviews", basic(REVIEWER, "pas-le-bon")).status()).isEqualTo(401);
    }

    @Test
    void aStaffMemberConfiguredWithAnArgon2idHashLogsIn() {
        // Authenticated (the role is missing, hence 403 and not 401).
        assertThat(get("/api/v1/reviews", basic(OBSERVER, OBSERVER_PASSWORD)).status()).isEqualTo(403);
        assertThat(get("/api/v1/reviews", basic(OBSERVER, "pas-le-bon")).status()).isEqualTo(401);
        assertThat(get("/actuator/health", Map.of()).status()).isEqualTo(200);
    }
}
