package fr.esante.medimail.mssaddress.derivation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NameNormaliserTest {

    @Nested
    @DisplayName("diacritics, capitals and ligatures")
    class Letters {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "Jean            | jean",
                "DURAND          | durand",
                "Élodie          | elodie",
                "Hélène          | helene",
                "Jérôme          | jerome",
                "Ève             | eve",
                "Noël            | noel",
                "Raphaël         | raphael",
                "Gaëtan          | gaetan",
                "François        | francois",
                "FRANÇOISE       | francoise",
                "Anaïs           | anais",
                "Loïc            | loic",
                "BENOÎT          | benoit",
                "Maëlle          | maelle",
                "Zoë             | zoe",
                "Côme            | come",
                "Léonore         | leonore",
                "Chloé           | chloe",
                "Ambroise Paré   | ambroise-pare",
                "Lucàs           | lucas",
                "Thaïs           | thais",
                "Hervé           | herve",
                "Désirée         | desiree",
                "Mathéo          | matheo",
                "Jérémÿ          | jeremy",
                "Aÿmeric         | aymeric",
                "Raoûl           | raoul",
                "Ûrsule          | ursule",
                "Müller          | muller",
                "Öztürk          | ozturk",
                "Âge             | age",
                "Ägidius         | agidius",
                "ÀÂÄÇÈÉÊËÎÏÔÖÙÛÜŸ | aaaceeeeiioouuuy",
        })
        void removesDiacriticsAndCapitals(String name, String expected) {
            assertThat(NameNormaliser.normalise(name)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "ŒUVRAY          | oeuvray",
                "Œdipe           | oedipe",
                "Lætitia         | laetitia",
                "Cæcilia         | caecilia",
                "LÆTITIA         | laetitia",
                "Cœur            | coeur",
                "Strauß          | strauss",
                "STRAUẞ          | strauss",
        })
        void spellsOutLigaturesAndSharpS(String name, String expected) {
            assertThat(NameNormaliser.normalise(name)).isEqualTo(expected);
        }

        @Test
        void readsAccentsTypedAsSeparateCombiningMarks() {
            // macOS and some keyboards send "e" followed by U+0301 rather than "é".
            assertThat(NameNormaliser.normalise("He\u0301le\u0300ne")).isEqualTo("helene");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "Núñez           | nunez",
                "Dvořák          | dvorak",
                "Søren           | soren",
                "Łukasz          | lukasz",
                "Đorđević        | dordevic",
                "Þórunn          | thorunn",
                "Ångström        | angstrom",
                "Yıldız          | yildiz",
                "İbrahim         | ibrahim",
        })
        void writesForeignLatinLettersAsTheirBaseLetter(String name, String expected) {
            assertThat(NameNormaliser.normalise(name)).isEqualTo(expected);
        }

        @Test
        void foldsCompatibilityFormsToPlainLetters() {
            assertThat(NameNormaliser.normalise("Ｄｕｒａｎｄ")).isEqualTo("durand"); // full-width, pasted from a PDF
            assertThat(NameNormaliser.normalise("Gaﬃn")).isEqualTo("gaffin"); // typographic ligature ﬃ
        }
    }

    @Nested
    @DisplayName("hyphens, spaces and apostrophes")
    class Separators {

        @ParameterizedTest(name = "[{0}] -> {1}")
        @CsvSource(delimiter = '|', value = {
                "Marie-Hélène              | marie-helene",
                "DUPONT-MARTIN             | dupont-martin",
                "Anne-Sophie               | anne-sophie",
                "Jean Pierre               | jean-pierre",
                "LE GALL                   | le-gall",
                "Le Gall                   | le-gall",
                "de La Fontaine            | de-la-fontaine",
                "de Saint-Exupéry          | de-saint-exupery",
                "Van der Meersch           | van-der-meersch",
                "Giscard d'Estaing         | giscard-destaing",
                "de La Tour d'Auvergne     | de-la-tour-dauvergne",
                "Jean  Pierre              | jean-pierre",
                "Jean - Pierre             | jean-pierre",
                "Jean--Pierre              | jean-pierre",
                "-Jean-Pierre-             | jean-pierre",
                "'Jean'                    | jean",
                "Jean-'-Pierre             | jean-pierre",
        })
        void keepsHyphensAndTurnsSpacesIntoHyphens(String name, String expected) {
            assertThat(NameNormaliser.normalise(name)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"D'ARCY", "D'Arcy", "D’Arcy", "D‘Arcy", "Dʼarcy", "D´Arcy", "D`Arcy"})
        void dropsApostrophesWhateverTheirShape(String name) {
            assertThat(NameNormaliser.normalise(name)).isEqualTo("darcy");
        }

        @Test
        void dropsApostrophesInsideRealNames() {
            assertThat(NameNormaliser.normalise("N'Diaye")).isEqualTo("ndiaye");
            assertThat(NameNormaliser.normalise("M’Bappé")).isEqualTo("mbappe");
            assertThat(NameNormaliser.normalise("O'Neill")).isEqualTo("oneill");
            assertThat(NameNormaliser.normalise("L'Haÿ")).isEqualTo("lhay");
        }

        @Test
        void treatsEveryKindOfSpaceAsASpace() {
            assertThat(NameNormaliser.normalise("Le\u00A0Gall")).isEqualTo("le-gall"); // no-break space
            assertThat(NameNormaliser.normalise("Le\u202FGall")).isEqualTo("le-gall"); // narrow no-break space
            assertThat(NameNormaliser.normalise("Le\tGall")).isEqualTo("le-gall");
            assertThat(NameNormaliser.normalise(" Le Gall \n")).isEqualTo("le-gall");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Jean–Pierre", "Jean—Pierre", "Jean‐Pierre", "Jean‑Pierre", "Jean−Pierre"})
        void readsTypographicDashesAsHyphens(String name) {
            assertThat(NameNormaliser.normalise(name)).isEqualTo("jean-pierre");
        }
    }

    @Nested
    @DisplayName("everything else")
    class OtherCharacters {

        @ParameterizedTest(name = "[{0}] -> {1}")
        @CsvSource(delimiter = '|', value = {
                "Durand2              | durand",
                "Louis XIV            | louis-xiv",
                "Marie.Claire         | marieclaire",
                "Jean (dit Jeannot)   | jean-dit-jeannot",
                "Dupont*              | dupont",
                "Élodie 🙂            | elodie",
                "Dupont\u200B         | dupont",
                "李 Durand            | durand",
        })
        void dropsWhatAnAddressCannotCarry(String name, String expected) {
            assertThat(NameNormaliser.normalise(name)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "[{0}]")
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "-", "- -", "'", "’’", "1234", "!!", "李小龍", "Ωμέγα", "🙂", "\u0301"})
        void givesNothingForANameWithoutRepresentableLetter(String name) {
            assertThat(NameNormaliser.normalise(name)).isEmpty();
        }
    }
}
