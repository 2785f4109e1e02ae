package fr.esante.medimail.support.passwords;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

/**
 * Every stored password of the platform is hashed here: Argon2id (PHC string {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash})
 * with the configured parameters, through the reference C implementation. Hashes written by earlier versions
 * (BCrypt, {@code $2a$…}, optionally prefixed {@code {bcrypt}}) are still verified; {@link #upgradeEncoding} tells the
 * caller to store a new hash after a successful sign-in, as it does for an Argon2id hash made with other parameters.
 *
 * <p>Hashing is CPU- and memory-bound on purpose, so it runs on its own pool of {@link PasswordHashingSettings#threads()}
 * threads with a bounded queue: the calling thread waits for its turn, and when the queue is full it gets a
 * {@link PasswordHashingBusyException} at once. Implements Spring Security's {@link PasswordEncoder} so that the
 * services and the login filters use it unchanged.
 */
public class PasswordHashing implements PasswordEncoder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PasswordHashing.class);
    private static final String ARGON2ID = "$argon2id$";
    private static final Pattern ARGON2ID_PARAMETERS = Pattern.compile("^\\$argon2id\\$v=(\\d+)\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$");
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}$");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int ARGON2_VERSION = 19;

    private final PasswordHashingSettings settings;
    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
    private final ThreadPoolExecutor pool;
    /** Moving average of one hash's duration, in microseconds, to tell a refused client when to come back. */
    private final AtomicLong averageMicros = new AtomicLong(20_000);

    public PasswordHashing(PasswordHashingSettings settings) {
        this.settings = settings;
        int threads = settings.threads();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                settings.queueCapacity() == 0 ? new java.util.concurrent.SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(settings.queueCapacity()),
                daemonThreads(), new ThreadPoolExecutor.AbortPolicy());
        log.info("Passwords hashed with Argon2id m={} KiB, t={}, p={} on {} threads (queue {})", settings.memoryKib(),
                settings.iterations(), settings.parallelism(), threads, settings.queueCapacity());
    }

    public PasswordHashingSettings settings() {
        return settings;
    }

    /** A new Argon2id hash of the password with the configured parameters. */
    @Override
    public String encode(CharSequence password) {
        return onPool(() -> hashNow(password));
    }

    /** Whether the password is the one of the stored hash (Argon2id, or BCrypt of earlier versions). Unknown formats never match. */
    @Override
    public boolean matches(CharSequence password, String storedHash) {
        if (password == null || storedHash == null) {
            return false;
        }
        String hash = withoutBcryptPrefix(storedHash);
        if (hash.startsWith(ARGON2ID)) {
            return onPool(() -> {
                char[] chars = toChars(password);
                try {
                    return argon2.verify(hash, chars, StandardCharsets.UTF_8);
                } finally {
                    argon2.wipeArray(chars);
                }
            });
        }
        if (BCRYPT.matcher(hash).matches()) {
            return onPool(() -> BCrypt.checkpw(password.toString(), hash));
        }
        log.warn("A stored password hash has an unknown format: it matches no password");
        return false;
    }

    /**
     * Whether the stored hash should be replaced by {@link #encode} of the password just verified: it is not Argon2id,
     * or was made with other parameters than the configured ones.
     */
    @Override
    public boolean upgradeEncoding(String storedHash) {
        if (storedHash == null) {
            return false;
        }
        Matcher parameters = ARGON2ID_PARAMETERS.matcher(storedHash);
        if (!parameters.find()) {
            return true;
        }
        return Integer.parseInt(parameters.group(1)) != ARGON2_VERSION
                || Integer.parseInt(parameters.group(2)) != settings.memoryKib()
                || Integer.parseInt(parameters.group(3)) != settings.iterations()
                || Integer.parseInt(parameters.group(4)) != settings.parallelism();
    }

    /** Whether a configured hash (staff, operators) is in a format this class verifies. */
    public static boolean isSupportedHash(String storedHash) {
        if (storedHash == null) {
            return false;
        }
        String hash = withoutBcryptPrefix(storedHash.strip());
        return ARGON2ID_PARAMETERS.matcher(hash).find() || BCRYPT.matcher(hash).matches();
    }

    /** Hash requests waiting for a thread (for monitoring and benchmarks). */
    public int queued() {
        return pool.getQueue().size();
    }

    /** Hashes and verifications done so far (for benchmarks: how many an operation costs). */
    public long hashesDone() {
        return pool.getCompletedTaskCount();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private String hashNow(CharSequence password) {
        char[] chars = toChars(password);
        try {
            return argon2.hash(settings.iterations(), settings.memoryKib(), settings.parallelism(), chars, StandardCharsets.UTF_8);
        } finally {
            argon2.wipeArray(chars);
        }
    }

    private <T> T onPool(Callable<T> work) {
        Future<T> result;
        try {
            result = pool.submit(() -> {
                long start = System.nanoTime();
                try {
                    return work.call();
                } finally {
                    long micros = (System.nanoTime() - start) / 1000;
                    averageMicros.updateAndGet(average -> average + (micros - average) / 8);
                }
            });
        } catch (RejectedExecutionException full) {
            throw busy(new PasswordHashingBusyException(retryAfterSeconds()));
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a password hash", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Password hashing failed", e.getCause());
        }
    }

    /** What a full queue throws; login filters wrap it in the exception type they turn into an answer. */
    protected RuntimeException busy(PasswordHashingBusyException refusal) {
        return refusal;
    }

    /** Time for the queue ahead to drain, rounded up to whole seconds. */
    private long retryAfterSeconds() {
        long backlogMicros = (pool.getQueue().size() + (long) pool.getMaximumPoolSize()) * averageMicros.get()
                / pool.getMaximumPoolSize();
        return Math.max(1, (backlogMicros + 999_999) / 1_000_000);
    }

    private static String withoutBcryptPrefix(String hash) {
        return hash.startsWith("{bcrypt}") ? hash.substring("{bcrypt}".length()) : hash;
    }

    private static char[] toChars(CharSequence password) {
        char[] chars = new char[password.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = password.charAt(i);
        }
        return chars;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "password-hashing-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
