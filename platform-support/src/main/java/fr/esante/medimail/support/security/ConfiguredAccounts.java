package fr.esante.medimail.support.security;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import fr.esante.medimail.support.passwords.PasswordHashing;

/**
 * Accounts of people who log in to a service with HTTP Basic or a form (back-office staff, directory
 * operators), taken from configuration and checked at startup: a bad entry (no login, a login given twice,
 * a password that is not an Argon2id or BCrypt hash, an invalid role) stops the service rather than leaving an account
 * that cannot log in. With no account at all the service runs, but nobody can log in.
 *
 * <p>A BCrypt hash (or an Argon2id one with other parameters than {@code medimail.passwords.*}) is replaced in memory
 * by an Argon2id hash at the account's first successful login (Spring Security calls {@link #updatePassword}); the
 * configuration itself is left as it is, so this happens again after a restart until the configured hash is renewed.
 */
public class ConfiguredAccounts implements UserDetailsService, UserDetailsPasswordService {

    /** One configured account; {@code passwordHash} is Argon2id ({@code $argon2id$…}) or BCrypt ({@code {bcrypt}} prefix accepted). */
    public record Account(String username, String passwordHash, List<String> roles) {
    }

    private static final Logger log = LoggerFactory.getLogger(ConfiguredAccounts.class);
    private static final Pattern ROLE = Pattern.compile("^[A-Z][A-Z0-9_]*$");

    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    private final int count;
    private final String kind;

    /**
     * @param property where the accounts are configured (e.g. {@code medimail.backoffice.staff}), for messages
     * @param kind     who they are (e.g. "back-office staff"), for messages
     */
    public ConfiguredAccounts(String property, String kind, List<Account> accounts) {
        this.kind = kind;
        Set<String> logins = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            String where = property + "[" + i + "]";
            if (account.username() == null || account.username().isBlank()) {
                throw new IllegalStateException(where + ".username is missing");
            }
            String username = account.username().strip();
            if (!logins.add(username.toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException(where + ": " + kind + " login '" + username + "' is configured twice");
            }
            String hash = account.passwordHash() == null ? "" : account.passwordHash().strip();
            if (hash.startsWith("{bcrypt}")) {
                hash = hash.substring("{bcrypt}".length());
            }
            if (!PasswordHashing.isSupportedHash(hash)) {
                throw new IllegalStateException(where + ".password-hash of '" + username
                        + "' is not an Argon2id ($argon2id$…) or BCrypt hash ($2a$10$…); clear passwords are not accepted");
            }
            List<String> roles = (account.roles() == null ? List.<String>of() : account.roles()).stream()
                    .map(configured -> role(configured, kind)).filter(r -> !r.isEmpty()).distinct().toList();
            users.createUser(User.withUsername(username).password(hash).roles(roles.toArray(String[]::new)).build());
            log.info("{} account '{}' with roles {}", kind, username, roles);
        }
        count = logins.size();
        if (count == 0) {
            log.warn("No {} account is configured ({}): nobody can log in", kind, property);
        }
    }

    /** How many accounts are configured. */
    public int count() {
        return count;
    }

    private static String role(String configured, String kind) {
        String role = configured == null ? "" : configured.strip().toUpperCase(Locale.ROOT);
        if (role.startsWith("ROLE_")) {
            role = role.substring("ROLE_".length());
        }
        if (!role.isEmpty() && !ROLE.matcher(role).matches()) {
            throw new IllegalStateException("Invalid " + kind + " role '" + configured + "'");
        }
        return role;
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        log.info("Password hash of {} account '{}' renewed in memory (Argon2id)", kind, user.getUsername());
        return users.updatePassword(user, newPasswordHash);
    }

    @Override
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        return users.loadUserByUsername(username);
    }
}
