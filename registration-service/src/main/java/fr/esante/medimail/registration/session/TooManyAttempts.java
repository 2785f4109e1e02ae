package fr.esante.medimail.registration.session;

import java.time.Duration;
import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * Refused before anything is checked: the account is locked after repeated failures, the client address went over
 * its limit, or a new code was asked for too soon. Answered 429 with {@code Retry-After}.
 */
public class TooManyAttempts extends RuntimeException {

    private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);

    private final String code;
    private final Duration retryAfter;

    public TooManyAttempts(String code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public static TooManyAttempts signIns(Duration retryAfter) {
        return new TooManyAttempts("TOO_MANY_ATTEMPTS", TEXTS.text("session.too-many-attempts"), retryAfter);
    }

    public static TooManyAttempts mailRequests(Duration retryAfter) {
        return new TooManyAttempts("TOO_MANY_REQUESTS", TEXTS.text("session.too-many-requests"), retryAfter);
    }

    public String code() {
        return code;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
