package fr.esante.medimail.mssaddress.derivation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressDerivationTest {

    private final AddressDerivation derivation = TreG15.derivation();

    /** The fictional professionals of test-identities.md. */
    @ParameterizedTest(name = "{0} {1} ({2}) -> {3}")
    @CsvSource(delimiter = '|', value = {
            "Jean         | DURAND        | 10 | jean.durand@medecin.oc.mssante.fr",
            "Marie-Hélène | DUPONT-MARTIN | 21 | marie-helene.dupont-martin@pharmacien.oc.mssante.fr",
            "Yves         | LE GALL       | 60 | yves.le-gall@infirmier.oc.mssante.fr",
            "Élodie       | D'ARCY        | 70 | elodie.darcy@masseur-kinesitherapeute.oc.mssante.fr",
            "Jean         | DURAND        | 21 | jean.durand@pharmacien.oc.mssante.fr",
            "François     | ŒUVRAY        | 40 | francois.oeuvray@chirurgien-dentiste.oc.mssante.fr",
            "Anne-Sophie  | BENOÎT        | 50 | anne-sophie.benoit@sage-femme.oc.mssante.fr",
    })
    void derivesTheAddressOfEachTestIdentity(String firstName, String lastName, String profession, String address) {
        Derivation result = derivation.derive(firstName, lastName, profession);

        assertThat(result).isInstanceOf(Derivation.Derived.class);
        assertThat(((Derivation.Derived) result).firstChoice().address()).isEqualTo(address);
    }

    @Test
    void splitsTheAddressIntoLocalPartAndDomain() {
        Derivation.Derived derived = (Derivation.Derived) derivation.derive("Jean", "Durand", "10");

        assertThat(derived.address(3)).isEqualTo(new MssAddress("jean.durand3", "medecin.oc.mssante.fr"));
        assertThat(derived.address(3).address()).isEqualTo("jean.durand3@medecin.oc.mssante.fr");
        assertThat(derived.name().stem()).isEqualTo("jean.durand");
    }

    @Test
    void refusesALastNameWithoutRepresentableLetter() {
        Derivation result = derivation.derive("Jean", "李", "10");

        assertThat(result).isEqualTo(new Derivation.Refused(RefusalReason.NAME_NOT_REPRESENTABLE, "lastName",
                "Le nom « 李 » ne contient aucune lettre utilisable dans une adresse MSSanté."));
    }

    @Test
    void refusesAFirstNameWithoutRepresentableLetter() {
        Derivation result = derivation.derive("- -", "Durand", "10");

        assertThat(result).isInstanceOf(Derivation.Refused.class);
        Derivation.Refused refused = (Derivation.Refused) result;
        assertThat(refused.reason()).isEqualTo(RefusalReason.NAME_NOT_REPRESENTABLE);
        assertThat(refused.field()).isEqualTo("firstName");
    }

    @Test
    void refusesAnUnknownProfession() {
        Derivation result = derivation.derive("Jean", "Durand", "93");

        assertThat(result).isEqualTo(new Derivation.Refused(RefusalReason.UNKNOWN_PROFESSION, "profession",
                "Le code profession « 93 » ne correspond à aucune profession de santé ouvrant droit à une adresse MSSanté."));
    }

    @Test
    void keepsRefusalDetailsShortAndOnOneLine() {
        Derivation.Refused refused = (Derivation.Refused) derivation.derive("Jean", "Durand", "9\n3" + "x".repeat(300));

        assertThat(refused.detail()).doesNotContain("\n").hasSizeLessThan(250);
    }
}
