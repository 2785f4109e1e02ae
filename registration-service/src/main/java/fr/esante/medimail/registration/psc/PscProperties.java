package fr.esante.medimail.registration.psc;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Pro Santé Connect is and who this service is to it ({@code medimail.psc.*}). Nothing else about PSC is in
 * configuration: its endpoints and keys come from the issuer's discovery document.
 *
 * @param enabled         false hides nothing but makes {@code /psc/login} answer that PSC is not offered here
 * @param issuerUri       PSC's issuer (its realm URL), or the local stand-in's
 * @param clientId        client id PSC gave this service
 * @param clientSecret    its secret
 * @param redirectUri     where PSC sends the browser back; {@code {baseUrl}} is the address the browser used
 * @param scopes          {@code openid scope_all} for PSC
 * @param acrValues       authentication level asked for ({@code eidas1}); empty asks for none
 * @param handoffValidity how long the one-time code handed to the page after the callback stays usable
 */
@ConfigurationProperties("medimail.psc")
public record PscProperties(boolean enabled, String issuerUri, String clientId, String clientSecret, String redirectUri,
                            List<String> scopes, String acrValues, Duration handoffValidity) {

    public PscProperties {
        redirectUri = redirectUri == null || redirectUri.isBlank() ? "{baseUrl}/psc/callback" : redirectUri;
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "scope_all") : List.copyOf(scopes);
        handoffValidity = handoffValidity == null ? Duration.ofMinutes(15) : handoffValidity;
    }
}
