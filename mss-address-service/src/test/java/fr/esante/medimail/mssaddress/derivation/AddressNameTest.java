package fr.esante.medimail.mssaddress.derivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressNameTest {

    private static AddressName name(String firstName, String lastName) {
        return new AddressName(NameNormaliser.normalise(firstName), NameNormaliser.normalise(lastName));
    }

    @Test
    void joinsFirstAndLastNameWithADot() {
        assertThat(name("Jean", "DURAND").stem()).isEqualTo("jean.durand");
        assertThat(name("Marie-Hélène", "DUPONT-MARTIN").stem()).isEqualTo("marie-helene.dupont-martin");
        assertThat(name("Yves", "LE GALL").stem()).isEqualTo("yves.le-gall");
        assertThat(name("Élodie", "D'ARCY").stem()).isEqualTo("elodie.darcy");
        assertThat(name("François", "ŒUVRAY").stem()).isEqualTo("francois.oeuvray");
        assertThat(name("Anne-Sophie", "BENOÎT").stem()).isEqualTo("anne-sophie.benoit");
        assertThat(name("Jean-Marie", "Dupont").stem()).isEqualTo("jean-marie.dupont");
        assertThat(name("Valéry", "Giscard d'Estaing").stem()).isEqualTo("valery.giscard-destaing");
    }

    @Test
    void numbersHomonymsFromTwoOnTheLastName() {
        AddressName jeanDurand = name("Jean", "Durand");
        assertThat(jeanDurand.localPart(1)).isEqualTo("jean.durand");
        assertThat(jeanDurand.localPart(2)).isEqualTo("jean.durand2");
        assertThat(jeanDurand.localPart(3)).isEqualTo("jean.durand3");
        assertThat(jeanDurand.localPart(10)).isEqualTo("jean.durand10");
        assertThat(jeanDurand.localPart(1234)).isEqualTo("jean.durand1234");
        assertThatThrownBy(() -> jeanDurand.localPart(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsANameOfExactlySixtyFourCharactersWhole() {
        AddressName longName = name("Marie-Christine", "de Rohan-Chabot-Montmorency-Luxembourg-Laval-Roy");
        assertThat(longName.stem())
                .isEqualTo("marie-christine.de-rohan-chabot-montmorency-luxembourg-laval-roy")
                .hasSize(64);
    }

    @Test
    void keepsOnlyTheFirstComponentOfTheFirstNameWhenTheSuffixNoLongerFits() {
        AddressName longName = name("Marie-Christine", "de Rohan-Chabot-Montmorency-Luxembourg-Laval-Roy");
        assertThat(longName.localPart(2)).isEqualTo("marie.de-rohan-chabot-montmorency-luxembourg-laval-roy2");
    }

    @Test
    void shortensACompoundFirstNameBeforeTouchingTheLastName() {
        assertThat(name("Jean-Baptiste-Marie-Joseph-Emmanuel", "de La Tour d'Auvergne-Lauraguais").stem())
                .isEqualTo("jean.de-la-tour-dauvergne-lauraguais");
    }

    @Test
    void cutsTheLastNameAfterAWholeComponent() {
        String last = "Montmorency-Laval-Bouteville-Luxembourg-Beaufort-Tingry-Piney-Châtillon";
        assertThat(name("Marie", last).stem())
                .isEqualTo("marie.montmorency-laval-bouteville-luxembourg-beaufort-tingry");
        assertThat(name("Jean-Baptiste", last).localPart(2))
                .isEqualTo("jean.montmorency-laval-bouteville-luxembourg-beaufort-tingry2");
    }

    @Test
    void hardCutsASingleComponentThatIsTooLongAndStillHasRoomForTheSuffix() {
        AddressName welsh = name("Jean", "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch");
        assertThat(welsh.stem()).isEqualTo("jean.llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch").hasSize(63);
        assertThat(welsh.localPart(2)).isEqualTo("jean.llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch2");
        assertThat(welsh.localPart(10)).isEqualTo("jean.llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoc10").hasSize(64);
        assertThat(welsh.localPart(100)).isEqualTo("jean.llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogo100").hasSize(64);
    }

    @Test
    void keepsALetterOfTheLastNameWhenTheFirstNameAloneFillsTheLocalPart() {
        AddressName absurd = name("A".repeat(80), "Durand");
        assertThat(absurd.stem()).isEqualTo("a".repeat(62) + ".d").hasSize(64);
        assertThat(absurd.localPart(2)).isEqualTo("a".repeat(61) + ".d2").hasSize(64);
    }

    @Test
    void shortensTheSameWayEveryTime() {
        String first = "Marie-Thérèse-Bernadette-Geneviève";
        String last = "de Bourbon-Parme-Deux-Siciles-Orléans-Bragance";
        assertThat(name(first, last).localPart(7)).isEqualTo(name(first, last).localPart(7));
        assertThat(name(first, last).stem()).isEqualTo("marie.de-bourbon-parme-deux-siciles-orleans-bragance");
    }

    @Test
    void refusesComponentsThatAreNotNormalised() {
        assertThatThrownBy(() -> new AddressName("Jean", "durand")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressName("jean", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressName("jean-", "durand")).isInstanceOf(IllegalArgumentException.class);
    }
}
