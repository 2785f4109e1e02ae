package fr.esante.medimail.identity.operators;

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
 * The operator accounts of the configuration, checked at startup: a bad entry (no login, duplicate login,
 * a password that is not a BCrypt hash, an invalid role) stops the service rather than leaving an account that
 * cannot log in. With no account at all the service runs, but nobody can call the operators' endpoints.
 */
public class OperatorAccounts implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(OperatorAccounts.class);
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}$");
    private static final Pattern ROLE = Pattern.compile("^[A-Z][A-Z0-9_]*$");

    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    private final int count;

    public OperatorAccounts(OperatorProperties properties) {
        Set<String> logins = new HashSet<>();
        for (int i = 0; i < properties.operators().size(); i++) {
            OperatorProperties.Member member = properties.operators().get(i);
            String where = "medimail.identity.operators[" + i + "]";
            if (member.username() == null || member.username().isBlank()) {
                throw new IllegalStateException(where + ".username is missing");
            }
            String username = member.username().strip();
            if (!logins.add(username.toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException(where + ": operator login '" + username + "' is configured twice");
            }
            String hash = member.passwordHash() == null ? "" : member.passwordHash().strip();
            if (hash.startsWith("{bcrypt}")) {
                hash = hash.substring("{bcrypt}".length());
            }
            if (!BCRYPT.matcher(hash).matches()) {
                throw new IllegalStateException(where + ".password-hash of '" + username
                        + "' is not a BCrypt hash ($2a$10$…); clear passwords are not accepted");
            }
            List<String> roles = member.roles().stream().map(OperatorAccounts::role).filter(r -> !r.isEmpty()).distinct().toList();
            users.createUser(User.withUsername(username).password(hash).roles(roles.toArray(String[]::new)).build());
            log.info("Identity operator account '{}' with roles {}", username, roles);
        }
        count = logins.size();
        if (count == 0) {
            log.warn("No identity operator account is configured (medimail.identity.operators): nobody can call"
                    + " /api/v1/identity-decisions nor /api/v1/directory-imports");
        }
    }

    /** How many accounts are configured. */
    public int count() {
        return count;
    }

    private static String role(String configured) {
        String role = configured == null ? "" : configured.strip().toUpperCase(Locale.ROOT);
        if (role.startsWith("ROLE_")) {
            role = role.substring("ROLE_".length());
        }
        if (!role.isEmpty() && !ROLE.matcher(role).matches()) {
            throw new IllegalStateException("Invalid operator role '" + configured + "'");
        }
        return role;
    }

    @Override
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        return users.loadUserByUsername(username);
    }
}
