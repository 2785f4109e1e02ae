package fr.esante.medimail.backoffice.staff;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff accounts, from configuration ({@code medimail.backoffice.staff[i].username / password-hash / roles}).
 * None ship with the service; the local stack seeds one reviewer. Passwords are only ever given as BCrypt hashes.
 */
@ConfigurationProperties(prefix = "medimail.backoffice")
public record StaffProperties(List<Member> staff) {

    public StaffProperties {
        staff = staff == null ? List.of() : List.copyOf(staff);
    }

    /** One staff member: login, BCrypt hash of the password, roles (e.g. REVIEWER). */
    public record Member(String username, String passwordHash, List<String> roles) {

        public Member {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
