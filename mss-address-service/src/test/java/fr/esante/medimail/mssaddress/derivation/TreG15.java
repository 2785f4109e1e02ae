package fr.esante.medimail.mssaddress.derivation;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.esante.medimail.mssaddress.MssAddressApplication;
import fr.esante.medimail.mssaddress.derivation.config.DerivationTexts;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * The active codes of TRE_G15_ProfessionSante with their French labels (ANS nomenclature, as listed in
 * identifiers-and-directory.md). Tests derive the expected domain labels from these, so the configured
 * table cannot drift from the nomenclature unnoticed.
 */
public final class TreG15 {

    public static final Map<String, String> ACTIVE_PROFESSIONS;

    static {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("10", "Médecin");
        labels.put("21", "Pharmacien");
        labels.put("26", "Audioprothésiste");
        labels.put("28", "Opticien-Lunetier");
        labels.put("31", "Assistant dentaire");
        labels.put("32", "Physicien médical");
        labels.put("40", "Chirurgien-Dentiste");
        labels.put("50", "Sage-Femme");
        labels.put("60", "Infirmier");
        labels.put("69", "Infirmier psychiatrique");
        labels.put("70", "Masseur-Kinésithérapeute");
        labels.put("80", "Pédicure-Podologue");
        labels.put("81", "Orthoprothésiste");
        labels.put("82", "Podo-Orthésiste");
        labels.put("83", "Orthopédiste-Orthésiste");
        labels.put("84", "Oculariste");
        labels.put("85", "Epithésiste");
        labels.put("86", "Technicien de laboratoire médical");
        labels.put("91", "Orthophoniste");
        labels.put("92", "Orthoptiste");
        labels.put("94", "Ergothérapeute");
        labels.put("95", "Diététicien");
        labels.put("96", "Psychomotricien");
        labels.put("98", "Manipulateur ERM");
        ACTIVE_PROFESSIONS = Map.copyOf(labels);
    }

    private TreG15() {
    }

    /** Domain labels normalised from the French labels, as the configuration must hold them. */
    public static Map<String, String> domainLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        ACTIVE_PROFESSIONS.forEach((code, label) -> labels.put(code, NameNormaliser.normalise(label)));
        return labels;
    }

    public static ProfessionDomains occitanie() {
        return new ProfessionDomains(domainLabels(), "oc");
    }

    /** The derivation as the service builds it for Occitanie, refusals worded from the service's texts file. */
    public static AddressDerivation derivation() {
        return new AddressDerivation(occitanie(), new DerivationTexts(new UserTexts(UserTexts.messageSource(MssAddressApplication.NAME))));
    }
}
