package fr.esante.medimail.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import fr.esante.medimail.support.security.LoginThrottle.ClientCount;

/**
 * Puts {@link LoginThrottle} in front of the password check of staff and operator logins (HTTP Basic and login
 * forms alike): a locked login or a client address over its failure limit is refused with
 * {@link LoginThrottledException} (the right password included) before the password is looked at; a wrong password
 * counts a failure for the login and for the address; a success resets the login. Unknown user names cost the same
 * as known ones (the delegate, a {@code DaoAuthenticationProvider}, compares against a dummy hash) and are counted
 * the same way.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final String loginPrefix;

    /** @param loginPrefix what kind of login this is (e.g. "staff"), so that logins of different kinds never share a count */
    public ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle, Clock clock, String loginPrefix) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.clock = clock;
        this.loginPrefix = loginPrefix;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Instant now = clock.instant();
        String login = loginPrefix + ":" + authentication.getName();
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
        Optional<Duration> wait = throttle.clientBlockedFor(ClientCount.FAILED_SIGN_IN, client, now)
                .or(() -> throttle.lockedFor(login, now));
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        try {
            Authentication authenticated = delegate.authenticate(authentication);
            if (authenticated != null) {
                throttle.recordSuccess(login);
            }
            return authenticated;
        } catch (BadCredentialsException wrong) {
            throttle.recordFailure(login, now);
            throttle.countClient(ClientCount.FAILED_SIGN_IN, client, now);
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
