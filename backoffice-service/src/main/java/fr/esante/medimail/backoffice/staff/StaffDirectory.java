package fr.esante.medimail.backoffice.staff;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The staff accounts of the configuration, checked at startup: a bad entry (no login, duplicate login,
 * a password that is not a BCrypt hash) stops the service rather than leaving an account that cannot log in.
 */
public class StaffDirectory implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(StaffDirectory.class);
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}$");
    private static final Pattern ROLE = Pattern.compile("^[A-Z][A-Z0-9_]*$");

    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();

    public StaffDirectory(StaffProperties properties) {
        Set<String> logins = new HashSet<>();
        for (int i = 0; i < properties.staff().size(); i++) {
            StaffProperties.Member member = properties.staff().get(i);
            String where = "medimail.backoffice.staff[" + i + "]";
            if (member.username() == null || member.username().isBlank()) {
                throw new IllegalStateException(where + ".username is missing");
            }
            String username = member.username().strip();
            if (!logins.add(username.toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException(where + ": staff login '" + username + "' is configured twice");
            }
            String hash = member.passwordHash() == null ? "" : member.passwordHash().strip();
            if (hash.startsWith("{bcrypt}")) {
                hash = hash.substring("{bcrypt}".length());
            }
            if (!BCRYPT.matcher(hash).matches()) {
                throw new IllegalStateException(where + ".password-hash of '" + username
                        + "' is not a BCrypt hash ($2a$10$…); clear passwords are not accepted");
            }
            List<String> roles = member.roles().stream().map(StaffDirectory::role).filter(r -> !r.isEmpty()).distinct().toList();
            users.createUser(User.withUsername(username).password(hash).roles(roles.toArray(String[]::new)).build());
            log.info("Back-office staff account '{}' with roles {}", username, roles);
        }
        if (logins.isEmpty()) {
            log.warn("No back-office staff account is configured (medimail.backoffice.staff): nobody can log in");
        }
    }

    private static String role(String configured) {
        String role = configured == null ? "" : configured.strip().toUpperCase(Locale.ROOT);
        if (role.startsWith("ROLE_")) {
            role = role.substring("ROLE_".length());
        }
        if (!role.isEmpty() && !ROLE.matcher(role).matches()) {
            throw new IllegalStateException("Invalid staff role '" + configured + "'");
        }
        return role;
    }

    @Override
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        return users.loadUserByUsername(username);
    }
}
