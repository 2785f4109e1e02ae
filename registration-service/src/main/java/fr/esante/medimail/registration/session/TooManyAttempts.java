package fr.esante.medimail.registration.session;

import java.time.Duration;

/**
 * Refused before anything is checked: the account is locked after repeated failures, the client address went over
 * its limit, or a new code was asked for too soon. Answered 429 with {@code Retry-After}.
 */
public class TooManyAttempts extends RuntimeException {

    private final String code;
    private final Duration retryAfter;

    public TooManyAttempts(String code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public static TooManyAttempts signIns(Duration retryAfter) {
        return new TooManyAttempts("TOO_MANY_ATTEMPTS", "Trop de tentatives de connexion infructueuses : par sécurité,"
                + " la connexion est suspendue pendant quelques minutes. Réessayez plus tard.", retryAfter);
    }

    public static TooManyAttempts mailRequests(Duration retryAfter) {
        return new TooManyAttempts("TOO_MANY_REQUESTS", "Trop de demandes ont été faites depuis votre connexion :"
                + " réessayez dans quelques minutes.", retryAfter);
    }

    public String code() {
        return code;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
