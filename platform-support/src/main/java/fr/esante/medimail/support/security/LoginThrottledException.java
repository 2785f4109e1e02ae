package fr.esante.medimail.support.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A staff/operator sign-in refused by {@link LoginThrottle} before the password was even checked: 429 with Retry-After. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many attempts");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
