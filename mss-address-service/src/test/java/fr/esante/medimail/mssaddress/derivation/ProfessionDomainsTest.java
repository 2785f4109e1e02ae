package fr.esante.medimail.mssaddress.derivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfessionDomainsTest {

    private final ProfessionDomains domains = TreG15.occitanie();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "10, medecin.oc.mssante.fr",
            "21, pharmacien.oc.mssante.fr",
            "26, audioprothesiste.oc.mssante.fr",
            "28, opticien-lunetier.oc.mssante.fr",
            "31, assistant-dentaire.oc.mssante.fr",
            "32, physicien-medical.oc.mssante.fr",
            "40, chirurgien-dentiste.oc.mssante.fr",
            "50, sage-femme.oc.mssante.fr",
            "60, infirmier.oc.mssante.fr",
            "69, infirmier-psychiatrique.oc.mssante.fr",
            "70, masseur-kinesitherapeute.oc.mssante.fr",
            "80, pedicure-podologue.oc.mssante.fr",
            "81, orthoprothesiste.oc.mssante.fr",
            "82, podo-orthesiste.oc.mssante.fr",
            "83, orthopediste-orthesiste.oc.mssante.fr",
            "84, oculariste.oc.mssante.fr",
            "85, epithesiste.oc.mssante.fr",
            "86, technicien-de-laboratoire-medical.oc.mssante.fr",
            "91, orthophoniste.oc.mssante.fr",
            "92, orthoptiste.oc.mssante.fr",
            "94, ergotherapeute.oc.mssante.fr",
            "95, dieteticien.oc.mssante.fr",
            "96, psychomotricien.oc.mssante.fr",
            "98, manipulateur-erm.oc.mssante.fr",
    })
    void givesEveryActiveProfessionItsDomain(String code, String domain) {
        assertThat(domains.domainFor(code)).contains(domain);
    }

    @Test
    void coversExactlyTheActiveProfessions() {
        assertThat(domains.all()).hasSize(24).containsOnlyKeys(TreG15.ACTIVE_PROFESSIONS.keySet());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"93", "35", "39", "00", "1", "100", "medecin", ""})
    void knowsNoDomainForRetiredOrUnknownCodes(String code) {
        assertThat(domains.domainFor(code)).isEmpty();
    }

    @Test
    void toleratesSpacesAroundACodeAndNull() {
        assertThat(domains.domainFor(" 10 ")).contains("medecin.oc.mssante.fr");
        assertThat(domains.domainFor(null)).isEmpty();
    }

    @Test
    void refusesAConfigurationThatWouldProduceInvalidDomains() {
        assertThatThrownBy(() -> new ProfessionDomains(Map.of("10", "Médecin"), "oc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10");
        assertThatThrownBy(() -> new ProfessionDomains(Map.of("10", "medecin."), "oc"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProfessionDomains(Map.of("10", "medecin"), "Occitanie"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region");
        assertThatThrownBy(() -> new ProfessionDomains(Map.of("10", "medecin"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProfessionDomains(Map.of(), "oc"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProfessionDomains(Map.of(" ", "medecin"), "oc"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
