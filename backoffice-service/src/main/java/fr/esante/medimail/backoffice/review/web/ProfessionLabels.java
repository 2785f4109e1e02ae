package fr.esante.medimail.backoffice.review.web;

import java.util.Map;

/** French labels of the TRE_G15 profession codes, for the staff pages (the API gives codes). */
final class ProfessionLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("10", "Médecin"), Map.entry("21", "Pharmacien"), Map.entry("26", "Audioprothésiste"),
            Map.entry("28", "Opticien-Lunetier"), Map.entry("31", "Assistant dentaire"),
            Map.entry("32", "Physicien médical"), Map.entry("40", "Chirurgien-Dentiste"), Map.entry("50", "Sage-Femme"),
            Map.entry("60", "Infirmier"), Map.entry("69", "Infirmier psychiatrique"),
            Map.entry("70", "Masseur-Kinésithérapeute"), Map.entry("80", "Pédicure-Podologue"),
            Map.entry("81", "Orthoprothésiste"), Map.entry("82", "Podo-Orthésiste"),
            Map.entry("83", "Orthopédiste-Orthésiste"), Map.entry("84", "Oculariste"), Map.entry("85", "Epithésiste"),
            Map.entry("86", "Technicien de laboratoire médical"), Map.entry("91", "Orthophoniste"),
            Map.entry("92", "Orthoptiste"), Map.entry("94", "Ergothérapeute"), Map.entry("95", "Diététicien"),
            Map.entry("96", "Psychomotricien"), Map.entry("98", "Manipulateur ERM"));

    private ProfessionLabels() {
    }

    /** Every known code, sorted, for the page's filter. */
    static java.util.List<String> codes() {
        return LABELS.keySet().stream().sorted().toList();
    }

    /** "Médecin (10)", or the bare code when it is not a known one. */
    static String of(String code) {
        if (code == null) {
            return "—";
        }
        String label = LABELS.get(code.strip());
        return label == null ? code : label + " (" + code + ")";
    }
}
