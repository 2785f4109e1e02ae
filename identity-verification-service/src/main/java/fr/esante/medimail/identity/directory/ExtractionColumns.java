package fr.esante.medimail.identity.directory;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of the open extraction file {@code PS_LibreAcces_Personne_activite}, in the order ANS publishes
 * them. Columns are located by header name, never by position: the last eight were added over the years and
 * more may come.
 */
public final class ExtractionColumns {

    public static final String ID_TYPE = "Type d'identifiant PP";
    public static final String ID = "Identifiant PP";
    public static final String NATIONAL_ID = "Identification nationale PP";
    public static final String CIVILITY_CODE = "Code civilité d'exercice";
    public static final String LAST_NAME = "Nom d'exercice";
    public static final String FIRST_NAME = "Prénom d'exercice";
    public static final String PROFESSION_CODE = "Code profession";
    public static final String PROFESSION_LABEL = "Libellé profession";
    public static final String CATEGORY_CODE = "Code catégorie professionnelle";
    public static final String SKILL_TYPE_CODE = "Code type savoir-faire";
    public static final String SKILL_CODE = "Code savoir-faire";
    public static final String SKILL_LABEL = "Libellé savoir-faire";
    public static final String PRACTICE_MODE_CODE = "Code mode exercice";
    public static final String PRACTICE_MODE_LABEL = "Libellé mode exercice";
    public static final String SIRET = "Numéro SIRET site";
    public static final String SIREN = "Numéro SIREN site";
    public static final String FINESS_SITE = "Numéro FINESS site";
    public static final String FINESS_LEGAL = "Numéro FINESS établissement juridique";
    public static final String STRUCTURE_ID = "Identifiant technique de la structure";
    public static final String STRUCTURE_NAME = "Raison sociale site";
    public static final String TRADE_NAME = "Enseigne commerciale site";
    public static final String POSTAL_CODE = "Code postal (coord. structure)";
    public static final String CITY_CODE = "Code commune (coord. structure)";
    public static final String CITY = "Libellé commune (coord. structure)";
    public static final String DEPARTMENT_CODE = "Code Département (structure)";
    public static final String SECTOR_CODE = "Code secteur d'activité";
    public static final String ROLE_CODE = "Code rôle";
    public static final String ACTIVITY_KIND_CODE = "Code genre activité";

    /** All 56 columns of the current format, in file order (what the sample file and the benchmark write). */
    public static final List<String> ALL = List.of(
            ID_TYPE, ID, NATIONAL_ID, CIVILITY_CODE, "Libellé civilité d'exercice", "Code civilité", "Libellé civilité",
            LAST_NAME, FIRST_NAME, PROFESSION_CODE, PROFESSION_LABEL, CATEGORY_CODE, "Libellé catégorie professionnelle",
            SKILL_TYPE_CODE, "Libellé type savoir-faire", SKILL_CODE, SKILL_LABEL, PRACTICE_MODE_CODE, PRACTICE_MODE_LABEL,
            SIRET, SIREN, FINESS_SITE, FINESS_LEGAL, STRUCTURE_ID, STRUCTURE_NAME, TRADE_NAME,
            "Complément destinataire (coord. structure)", "Complément point géographique (coord. structure)",
            "Numéro Voie (coord. structure)", "Indice répétition voie (coord. structure)",
            "Code type de voie (coord. structure)", "Libellé type de voie (coord. structure)",
            "Libellé Voie (coord. structure)", "Mention distribution (coord. structure)", "Bureau cedex (coord. structure)",
            POSTAL_CODE, CITY_CODE, CITY, "Code pays (coord. structure)", "Libellé pays (coord. structure)",
            "Téléphone (coord. structure)", "Téléphone 2 (coord. structure)", "Télécopie (coord. structure)",
            "Adresse e-mail (coord. structure)", DEPARTMENT_CODE, "Libellé Département (structure)",
            "Ancien identifiant de la structure", "Autorité d'enregistrement", SECTOR_CODE, "Libellé secteur d'activité",
            "Code section tableau pharmaciens", "Libellé section tableau pharmaciens", ROLE_CODE, "Libellé rôle",
            ACTIVITY_KIND_CODE, "Libellé genre activité");

    /** Without these a file cannot be a professional directory; the others may be absent (older files). */
    public static final List<String> REQUIRED = List.of(ID_TYPE, ID, LAST_NAME, FIRST_NAME, PROFESSION_CODE);

    /** The columns the service keeps, in the order of {@link DirectoryRow}'s values. */
    public static final List<String> KEPT = List.of(ID_TYPE, ID, NATIONAL_ID, CIVILITY_CODE, LAST_NAME, FIRST_NAME,
            PROFESSION_CODE, PROFESSION_LABEL, CATEGORY_CODE, SKILL_TYPE_CODE, SKILL_CODE, SKILL_LABEL, PRACTICE_MODE_CODE,
            PRACTICE_MODE_LABEL, SIRET, SIREN, FINESS_SITE, FINESS_LEGAL, STRUCTURE_ID, STRUCTURE_NAME, TRADE_NAME,
            POSTAL_CODE, CITY_CODE, CITY, DEPARTMENT_CODE, SECTOR_CODE, ROLE_CODE, ACTIVITY_KIND_CODE);

    private ExtractionColumns() {
    }

    /**
     * Header names compared without case, accents, typographic apostrophes or repeated blanks: exports made by
     * spreadsheet tools turn {@code '} into {@code ’} and change case, and the data is the same.
     */
    public static String key(String headerName) {
        String trimmed = headerName.strip();
        if (!trimmed.isEmpty() && trimmed.charAt(0) == '\uFEFF') {
            trimmed = trimmed.substring(1).strip();
        }
        String decomposed = Normalizer.normalize(trimmed, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.replace('’', '\'').replace('‘', '\'').replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Maps each kept column to its position in a header; -1 for a kept column the header lacks. */
    static int[] positionsOfKept(String[] header) {
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            byKey.putIfAbsent(key(header[i]), i);
        }
        int[] positions = new int[KEPT.size()];
        for (int i = 0; i < KEPT.size(); i++) {
            positions[i] = byKey.getOrDefault(key(KEPT.get(i)), -1);
        }
        return positions;
    }

    static List<String> missingRequired(String[] header) {
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            byKey.put(key(header[i]), i);
        }
        return REQUIRED.stream().filter(name -> !byKey.containsKey(key(name))).toList();
    }
}
