package fr.esante.medimail.support.passwords;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How stored passwords are hashed ({@code medimail.passwords.*}). The defaults are Keycloak 26's own Argon2id
 * parameters (7 MiB, 5 passes, 1 lane, 32-byte hash, 16-byte salt); OWASP's equivalent pairs (e.g. 19 MiB with
 * 2 passes) are as good. Raising them later is safe: each stored hash is redone at its owner's next sign-in.
 *
 * @param memoryKib     Argon2id memory cost, in KiB
 * @param iterations    Argon2id passes over the memory
 * @param parallelism   Argon2id lanes
 * @param hashingThreads threads that compute hashes; 0 = one per processor. Hashing never runs on more, so a burst
 *                      of sign-ins waits its turn instead of starving the rest of the service
 * @param queueCapacity hash requests allowed to wait for a thread; beyond, the request is answered 503 with a
 *                      {@code Retry-After} at once, rather than after a long wait that ends in a client time-out
 */
@ConfigurationProperties("medimail.passwords")
public record PasswordHashingSettings(
        @DefaultValue("7168") int memoryKib,
        @DefaultValue("5") int iterations,
        @DefaultValue("1") int parallelism,
        @DefaultValue("0") int hashingThreads,
        @DefaultValue("64") int queueCapacity) {

    public PasswordHashingSettings {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1 || hashingThreads < 0 || queueCapacity < 0) {
            throw new IllegalArgumentException("Invalid medimail.passwords settings: memory-kib " + memoryKib
                    + ", iterations " + iterations + ", parallelism " + parallelism + ", hashing-threads " + hashingThreads
                    + ", queue-capacity " + queueCapacity);
        }
    }

    /** Keycloak 26's defaults. */
    public static PasswordHashingSettings defaults() {
        return new PasswordHashingSettings(7168, 5, 1, 0, 64);
    }

    /** The threads actually used: as configured, or one per processor. */
    public int threads() {
        return hashingThreads > 0 ? hashingThreads : Runtime.getRuntime().availableProcessors();
    }
}
