package fr.esante.medimail.registration.profile;

import java.util.Map;

/** The French regions by INSEE code (COG 2016 onwards, overseas included): an address must be in one of them. */
public final class InseeRegions {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("01", "Guadeloupe"), Map.entry("02", "Martinique"), Map.entry("03", "Guyane"),
            Map.entry("04", "La Réunion"), Map.entry("06", "Mayotte"), Map.entry("11", "Île-de-France"),
            Map.entry("24", "Centre-Val de Loire"), Map.entry("27", "Bourgogne-Franche-Comté"), Map.entry("28", "Normandie"),
            Map.entry("32", "Hauts-de-France"), Map.entry("44", "Grand Est"), Map.entry("52", "Pays de la Loire"),
            Map.entry("53", "Bretagne"), Map.entry("75", "Nouvelle-Aquitaine"), Map.entry("76", "Occitanie"),
            Map.entry("84", "Auvergne-Rhône-Alpes"), Map.entry("93", "Provence-Alpes-Côte d'Azur"), Map.entry("94", "Corse"));

    private InseeRegions() {
    }

    public static boolean exists(String code) {
        return code != null && LABELS.containsKey(code);
    }
}
