package fr.esante.medimail.registration.pages;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public pages ({@code medimail.registration.pages.*}).
 *
 * @param identityVerificationUrl where the browser reaches identity-verification-service's public
 *                                {@code POST /api/v1/identifier-checks} (that service allows this origin by CORS)
 * @param mssAddressUrl           where the browser reaches mss-address-service's public
 *                                {@code GET /api/v1/mss-addresses/preview} (idem)
 * @param assistanceUrl           the service desk's online form, shown on every page
 */
@ConfigurationProperties("medimail.registration.pages")
public record PageProperties(
        @DefaultValue("http://localhost:8082") String identityVerificationUrl,
        @DefaultValue("http://localhost:8083") String mssAddressUrl,
        @DefaultValue("https://assistance.esante-occitanie.fr") String assistanceUrl) {
}
