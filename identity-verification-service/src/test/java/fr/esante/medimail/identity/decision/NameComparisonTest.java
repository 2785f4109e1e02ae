package fr.esante.medimail.identity.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameComparisonTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
            "DURAND;Durand", "durand;DURAND", "Benoit;BENOÎT", "benoît;BENOIT", "Elodie;Élodie",
            "Marie Hélène;Marie-Hélène", "marie-helene;MARIE HELENE", "D'Arcy;D'ARCY", "D’Arcy;D'ARCY", "DARCY;D'ARCY",
            "d arcy;D'ARCY", "Oeuvray;ŒUVRAY", "œuvray;ŒUVRAY", "Le Gall;LE GALL", "LE-GALL;LE GALL", "  Jean ;Jean",
            "Anne–Sophie;Anne-Sophie", "François;FRANCOIS", "Dupont Martin;DUPONT-MARTIN"})
    void case_accents_hyphens_and_apostrophes_are_set_aside(String declared, String directory) {
        assertThat(NameComparison.compare(declared, directory)).isEqualTo(NameMatch.MATCH);
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = ';', value = {
            "Durant;DURAND", "Duarnd;DURAND", "Marie;Marie-Hélène", "Dupont;DUPONT-MARTIN", "Anne Sofie;Anne-Sophie",
            "Francois-Xavier;François", "Benoitt;BENOÎT"})
    void slips_and_partial_compound_names_are_near_misses(String declared, String directory) {
        assertThat(NameComparison.compare(declared, directory)).isEqualTo(NameMatch.NEAR_MISS);
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @CsvSource(delimiter = ';', value = {
            "MARTIN;DURAND", "Jeanne;Jean", "Paul;Jean", "Dupond-Moretti;DUPONT-MARTIN", "Yves;Anne-Sophie", ";DURAND",
            "DURAND;", "---;DURAND", "Li;Lu"})
    void other_names_do_not_match(String declared, String directory) {
        assertThat(NameComparison.compare(declared, directory)).isEqualTo(NameMatch.MISMATCH);
    }

    @org.junit.jupiter.api.Test
    void the_comparison_key_keeps_letters_and_digits_only() {
        assertThat(NameComparison.key("D’Arcy-Œuvray  Élodie")).isEqualTo("DARCYOEUVRAYELODIE");
        assertThat(NameComparison.key(null)).isEmpty();
    }
}
