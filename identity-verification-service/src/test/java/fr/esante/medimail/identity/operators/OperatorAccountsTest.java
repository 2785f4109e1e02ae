package fr.esante.medimail.identity.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

class OperatorAccountsTest {

    private static final String HASH = "$2a$04$//sCvLgugo.BeVF1kf8HieJKFw3L8Pf4elCWTPWG5L1UE.NmSsXxy";

    private static OperatorAccounts accounts(OperatorProperties.Member... members) {
        return new OperatorAccounts(new OperatorProperties(List.of(members)));
    }

    private static OperatorProperties.Member member(String username, String hash, String... roles) {
        return new OperatorProperties.Member(username, hash, List.of(roles));
    }

    @Test
    void none_configured_is_allowed_and_nobody_can_log_in() {
        OperatorAccounts none = new OperatorAccounts(new OperatorProperties(null));
        assertThat(none.count()).isZero();
        assertThatThrownBy(() -> none.loadUserByUsername("operateur")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void an_operator_gets_its_roles_normalised_and_its_hash_without_prefix() {
        OperatorAccounts accounts = accounts(member(" operateur ", "{bcrypt}" + HASH, "operator", "ROLE_OPERATOR", " ", "auditor"));
        var user = accounts.loadUserByUsername("OPERATEUR");
        assertThat(user.getUsername()).isEqualTo("operateur");
        assertThat(user.getPassword()).isEqualTo(HASH);
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_OPERATOR", "ROLE_AUDITOR");
    }

    @Test
    void a_bad_entry_stops_the_service() {
        assertThatThrownBy(() -> accounts(member(null, HASH, "OPERATOR")))
                .hasMessageContaining("medimail.identity.operators[0].username is missing");
        assertThatThrownBy(() -> accounts(member("operateur", "operateur", "OPERATOR")))
                .hasMessageContaining("not an Argon2id").hasMessageNotContaining("operateur\"");
        assertThatThrownBy(() -> accounts(member("operateur", null, "OPERATOR"))).hasMessageContaining("not an Argon2id");
        assertThatThrownBy(() -> accounts(member("operateur", HASH, "OPERATOR"), member("Operateur", HASH, "OPERATOR")))
                .hasMessageContaining("configured twice");
        assertThatThrownBy(() -> accounts(member("operateur", HASH, "opé-rateur"))).hasMessageContaining("Invalid operator role");
    }
}
