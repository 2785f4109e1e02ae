package fr.esante.medimail.registration;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of registration-service ({@code medimail.registration.*}).
 *
 * @param servedRegions        INSEE codes of the regions where Medimail is the chosen secure messaging
 * @param confirmationValidity how long the e-mailed confirmation link works
 * @param sessionValidity      how long an access token works
 * @param passwordHashStrength BCrypt cost factor (log2 rounds)
 */
@ConfigurationProperties("medimail.registration")
public record RegistrationProperties(
        @DefaultValue("76") List<String> servedRegions,
        @DefaultValue("24h") Duration confirmationValidity,
        @DefaultValue("8h") Duration sessionValidity,
        @DefaultValue("10") int passwordHashStrength) {
}
