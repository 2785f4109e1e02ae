package fr.esante.medimail.backoffice.staff.web;

import fr.esante.medimail.backoffice.staff.StaffProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

class StaffDirectoryTest {

    private static final String AGENT_HASH = "$2a$10$84dA3WPy2mkz465kbik8euZCgDaXvXIXR0DTTJyjrjicwtEtzVclC";

    @Test
    void staffAccountsComeFromConfigurationWithTheirRoles() {
        StaffDirectory directory = new StaffDirectory(new StaffProperties(List.of(
                new StaffProperties.Member("agent", AGENT_HASH, List.of("REVIEWER")),
                new StaffProperties.Member("auditeur", "{bcrypt}" + AGENT_HASH, List.of("role_auditor")))));

        assertThat(directory.loadUserByUsername("agent").getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_REVIEWER");
        assertThat(directory.loadUserByUsername("auditeur").getPassword()).isEqualTo(AGENT_HASH);
        assertThat(directory.loadUserByUsername("auditeur").getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_AUDITOR");
        assertThatThrownBy(() -> directory.loadUserByUsername("inconnu")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void noStaffIsAllowedAndMeansNobodyCanLogIn() {
        StaffDirectory directory = new StaffDirectory(new StaffProperties(null));
        assertThatThrownBy(() -> directory.loadUserByUsername("agent")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void aClearPasswordADuplicateOrAMissingLoginStopsTheService() {
        assertThatIllegalStateException().isThrownBy(() -> new StaffDirectory(new StaffProperties(List.of(
                new StaffProperties.Member("agent", "agent", List.of("REVIEWER")))))).withMessageContaining("BCrypt");
        assertThatIllegalStateException().isThrownBy(() -> new StaffDirectory(new StaffProperties(List.of(
                new StaffProperties.Member("agent", AGENT_HASH, List.of()),
                new StaffProperties.Member("AGENT", AGENT_HASH, List.of()))))).withMessageContaining("twice");
        assertThatIllegalStateException().isThrownBy(() -> new StaffDirectory(new StaffProperties(List.of(
                new StaffProperties.Member(" ", AGENT_HASH, List.of())))));
    }
}
