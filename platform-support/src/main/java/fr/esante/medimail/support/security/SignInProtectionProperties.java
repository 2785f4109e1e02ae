package fr.esante.medimail.support.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Brute-force protection of the sign-ins of a service ({@code medimail.sign-in-protection.*}), on by default.
 *
 * @param failuresBeforeLock consecutive failures on one login that lock it
 * @param lockWaits          the waits of the successive locks of one login (the last one repeats)
 * @param clientWindow       the fixed window over which a client address's requests are counted
 * @param clientFailureLimit failed sign-ins one client address may make in a window (successes are never counted)
 * @param clientMailLimit    requests sending mail (code resend, password reset) one client address may make in a window
 */
@ConfigurationProperties("medimail.sign-in-protection")
public record SignInProtectionProperties(
        @DefaultValue("5") int failuresBeforeLock,
        @DefaultValue({"1m", "5m", "15m"}) List<Duration> lockWaits,
        @DefaultValue("10m") Duration clientWindow,
        @DefaultValue("100") int clientFailureLimit,
        @DefaultValue("30") int clientMailLimit) {

    public SignInProtectionProperties {
        if (failuresBeforeLock < 1 || lockWaits.isEmpty() || clientFailureLimit < 1 || clientMailLimit < 1
                || clientWindow.isNegative() || clientWindow.isZero()) {
            throw new IllegalArgumentException("medimail.sign-in-protection: limits must be positive and lock-waits not empty");
        }
        lockWaits = List.copyOf(lockWaits);
    }
}
