package fr.esante.medimail.mssaddress.derivation.config;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code medimail.mss-address.*}: the region part of every domain and, per TRE_G15 profession code, the
 * domain label (the French label normalised like a name: "Masseur-Kinésithérapeute" gives
 * {@code masseur-kinesitherapeute}). Labels are written out rather than computed at start-up so that a
 * change of the normalisation rules can never move a profession to another domain.
 */
@ConfigurationProperties("medimail.mss-address")
public record MssAddressProperties(String region, Map<String, String> professions) {
}
