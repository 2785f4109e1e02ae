package fr.esante.medimail.pscstandin;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one client the stand-in knows (the registration service) and its issuer address.
 *
 * @param issuer        the issuer URL tokens carry; must be the address the client reaches (e.g. http://localhost:8090)
 * @param clientId      client id the registration service uses
 * @param clientSecret  its secret (client_secret_basic), plain: a stand-in for loopback use only
 * @param redirectUris  accepted redirect URIs (exact match, as PSC does)
 * @param idTokenValidity how long an ID token is valid
 */
@ConfigurationProperties("psc-stand-in")
public record StandInProperties(String issuer, String clientId, String clientSecret, List<String> redirectUris,
                                Duration idTokenValidity) {
}
