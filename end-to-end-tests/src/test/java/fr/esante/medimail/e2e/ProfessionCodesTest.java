package fr.esante.medimail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import fr.esante.medimail.registration.reference.Professions;

/**
 * registration-service accepts a profile only with a TRE_G15 profession code it knows; mss-address-service then
 * derives the domain of the MSSante address from its own table of professions. The two lists live in different
 * services: this keeps them equal, so that a profile accepted at registration is never refused later with
 * UNKNOWN_PROFESSION, and no profession gets a domain that registration would never let through.
 */
class ProfessionCodesTest {

    @Test
    void theProfessionsAcceptedAtRegistrationAreExactlyThoseThatGetAnMssAddressDomain() throws Exception {
        Set<String> accepted = new TreeSet<>(Professions.activeCodes());
        Set<String> withDomain = mssAddressProfessionCodes();

        assertThat(accepted).as("TRE_G15 codes of registration-service").isNotEmpty();
        assertThat(withDomain).as("profession table of mss-address-service.yml").isNotEmpty();
        assertThat(accepted)
                .as("accepted by registration-service but refused by mss-address-service with UNKNOWN_PROFESSION: %s;"
                        + " in mss-address-service.yml but refused by registration-service: %s",
                        difference(accepted, withDomain), difference(withDomain, accepted))
                .isEqualTo(withDomain);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> mssAddressProfessionCodes() throws Exception {
        try (InputStream yml = ProfessionCodesTest.class.getResourceAsStream("/mss-address-service.yml")) {
            assertThat(yml).as("mss-address-service.yml on the classpath").isNotNull();
            Map<String, Object> root = new Yaml().load(yml);
            Object professions = ((Map<String, Object>) ((Map<String, Object>) root.get("medimail")).get("mss-address"))
                    .get("professions");
            assertThat(professions).as("medimail.mss-address.professions").isInstanceOf(Map.class);
            Set<String> codes = new TreeSet<>();
            // A code written without quotes would be read as a number: compare its text.
            ((Map<Object, Object>) professions).keySet().forEach(code -> codes.add(String.valueOf(code)));
            return codes;
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
