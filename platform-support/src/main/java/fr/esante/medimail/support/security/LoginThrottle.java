package fr.esante.medimail.support.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import fr.esante.medimail.support.secrets.SecretTokens;

/**
 * The counting rule of brute-force protection, kept in the service's own database (tables {@code login_throttle}
 * and {@code client_throttle}, created by a migration of each service that uses it) so that it survives a restart
 * and holds across several instances.
 *
 * <p><b>Per login</b> (an account's e-mail address, a staff user name): after
 * {@link SignInProtectionProperties#failuresBeforeLock()} consecutive failures the login is locked for the first
 * wait; every attempt during a wait is refused without being counted and without extending it; once a wait is
 * over, the next failure locks again at once for the next, longer wait; a success forgets everything. Logins are
 * stored as SHA-256 hashes, so unknown addresses are counted exactly like known ones (same answers) without
 * keeping what strangers typed.
 *
 * <p><b>Per client address</b>: fixed windows counting one kind of request (failed sign-ins, requests that send
 * mail); beyond the limit the address is refused until the window ends. Only what the caller counts is counted:
 * successful sign-ins are never, so they are never throttled.
 *
 * <p>Every method joins the caller's transaction when there is one (so a lock and the event telling its owner
 * commit together) and otherwise runs in its own.
 */
public class LoginThrottle {

    /** Kinds of request counted per client address. */
    public enum ClientCount {
        FAILED_SIGN_IN, MAIL_REQUEST
    }

    /** What a failure did: {@code lockStarted} is the wait of the lock it started, if it started one. */
    public record Failure(Optional<Duration> lockStarted) {
    }

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SignInProtectionProperties settings;

    public LoginThrottle(JdbcClient jdbc, TransactionTemplate transactions, SignInProtectionProperties settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
    }

    /** How long the login must still wait, if it is locked at {@code now}. */
    public Optional<Duration> lockedFor(String login, Instant now) {
        return jdbc.sql("SELECT locked_until FROM login_throttle WHERE login_hash = :login")
                .param("login", key(login))
                .query((rs, n) -> rs.getTimestamp("locked_until"))
                .optional()
                .map(until -> until == null ? null : until.toInstant())
                .filter(now::isBefore)
                .map(until -> Duration.between(now, until));
    }

    /** Counts a wrong password or code; ignored while the login is locked (it neither counts nor extends the wait). */
    public Failure recordFailure(String login, Instant now) {
        String key = key(login);
        return transactions.execute(status -> {
            jdbc.sql("""
                            INSERT INTO login_throttle (login_hash, consecutive_failures, lock_level, locked_until, updated_at)
                            VALUES (:login, 0, 0, NULL, :now) ON CONFLICT (login_hash) DO NOTHING""")
                    .param("login", key).param("now", Timestamp.from(now)).update();
            State state = jdbc.sql("SELECT consecutive_failures, lock_level, locked_until FROM login_throttle"
                            + " WHERE login_hash = :login FOR UPDATE")
                    .param("login", key)
                    .query((rs, n) -> new State(rs.getInt(1), rs.getInt(2),
                            rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                    .single();
            if (state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
                return new Failure(Optional.empty());
            }
            int failures = state.failures() + 1;
            int level = state.level();
            Instant lockedUntil = null;
            Duration wait = null;
            // After a first lock, a wait that ended without a success leaves the login one failure away from the next lock.
            if (level > 0 || failures >= settings.failuresBeforeLock()) {
                level = level + 1;
                wait = settings.lockWaits().get(Math.min(level, settings.lockWaits().size()) - 1);
                lockedUntil = now.plus(wait);
            }
            jdbc.sql("""
                            UPDATE login_throttle SET consecutive_failures = :failures, lock_level = :level,
                                   locked_until = :until, updated_at = :now WHERE login_hash = :login""")
                    .param("failures", failures).param("level", level)
                    .param("until", lockedUntil == null ? null : Timestamp.from(lockedUntil))
                    .param("now", Timestamp.from(now)).param("login", key)
                    .update();
            if (wait != null) {
                log.info("Sign-in locked for {} after {} consecutive failures (lock level {})", wait, failures, level);
            }
            return new Failure(Optional.ofNullable(wait));
        });
    }

    /** A successful sign-in: the login starts afresh. */
    public void recordSuccess(String login) {
        jdbc.sql("DELETE FROM login_throttle WHERE login_hash = :login").param("login", key(login)).update();
    }

    /** How long the client address must still wait, if it is over its limit for this kind of request. */
    public Optional<Duration> clientBlockedFor(ClientCount kind, String client, Instant now) {
        Instant windowStart = windowStart(now);
        int limit = kind == ClientCount.FAILED_SIGN_IN ? settings.clientFailureLimit() : settings.clientMailLimit();
        Integer counted = jdbc.sql("SELECT attempts FROM client_throttle WHERE client_hash = :client AND kind = :kind"
                        + " AND window_start = :start")
                .param("client", key(client)).param("kind", kind.name()).param("start", Timestamp.from(windowStart))
                .query(Integer.class).optional().orElse(0);
        if (counted < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, windowStart.plus(settings.clientWindow())));
    }

    /** Counts one request of this kind from the client address in the current window. */
    public void countClient(ClientCount kind, String client, Instant now) {
        jdbc.sql("""
                        INSERT INTO client_throttle (client_hash, kind, window_start, attempts) VALUES (:client, :kind, :start, 1)
                        ON CONFLICT (client_hash, kind, window_start) DO UPDATE SET attempts = client_throttle.attempts + 1""")
                .param("client", key(client)).param("kind", kind.name())
                .param("start", Timestamp.from(windowStart(now)))
                .update();
    }

    /** Forgets ended windows and logins quiet for a day (a lock older than that has long ended). */
    @Scheduled(fixedDelayString = "${medimail.sign-in-protection.sweep:1h}", initialDelayString = "${medimail.sign-in-protection.sweep:1h}")
    public void forgetStale() {
        Instant now = Instant.now();
        jdbc.sql("DELETE FROM client_throttle WHERE window_start < :before")
                .param("before", Timestamp.from(now.minus(settings.clientWindow()).minus(settings.clientWindow()))).update();
        jdbc.sql("DELETE FROM login_throttle WHERE updated_at < :before AND (locked_until IS NULL OR locked_until < :before)")
                .param("before", Timestamp.from(now.minus(Duration.ofDays(1)))).update();
    }

    /** Seconds to put in {@code Retry-After}: rounded up, at least 1. */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private Instant windowStart(Instant now) {
        long window = settings.clientWindow().toMillis();
        return Instant.ofEpochMilli(now.toEpochMilli() / window * window);
    }

    private static String key(String value) {
        return SecretTokens.hash(value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
    }

    private record State(int failures, int level, Instant lockedUntil) {
    }
}
