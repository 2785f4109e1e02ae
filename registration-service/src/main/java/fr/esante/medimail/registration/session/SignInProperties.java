package fr.esante.medimail.registration.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings of registration-service ({@code medimail.registration.sign-in.*}); the brute-force limits are
 * {@code medimail.sign-in-protection.*} (platform-support).
 *
 * @param oneTimeCodeValidity      how long an e-mailed sign-in code works
 * @param oneTimeCodeTries         wrong codes a challenge takes before it is dead
 * @param oneTimeCodeResendCooldown how long after a code was sent a new one may be asked for
 * @param passwordResetValidity    how long a password-reset link works (how many reset mails an address may receive
 *                                 is the mail allowance's, package {@code mailing})
 */
@ConfigurationProperties("medimail.registration.sign-in")
public record SignInProperties(
        @DefaultValue("10m") Duration oneTimeCodeValidity,
        @DefaultValue("5") int oneTimeCodeTries,
        @DefaultValue("60s") Duration oneTimeCodeResendCooldown,
        @DefaultValue("1h") Duration passwordResetValidity) {
}
