package fr.esante.medimail.support.passwords;

import fr.esante.medimail.support.texts.PlatformTexts;

/**
 * Too many passwords are already waiting to be hashed: the request is refused at once (HTTP 503 with
 * {@code Retry-After}) instead of queueing behind a backlog it would time out in.
 */
public class PasswordHashingBusyException extends RuntimeException {

    /** What the user is told (problem {@code detail}, code SERVICE_BUSY). */
    public static String frenchDetail() {
        return PlatformTexts.text("problem.service-busy.detail");
    }

    private final long retryAfterSeconds;

    public PasswordHashingBusyException(long retryAfterSeconds) {
        super("Password hashing queue is full; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The busy refusal behind {@code failure}, if any (security frameworks wrap it). */
    public static PasswordHashingBusyException findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PasswordHashingBusyException busy) {
                return busy;
            }
        }
        return null;
    }
}
