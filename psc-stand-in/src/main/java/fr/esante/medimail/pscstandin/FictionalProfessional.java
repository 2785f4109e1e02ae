package fr.esante.medimail.pscstandin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fictional professional as PSC would describe them (data of the national directory).
 *
 * @param rpps          11-digit RPPS
 * @param civility      codeCivilite (M, MME)
 * @param lastName      nom d'exercice
 * @param firstName     prénom d'exercice
 * @param professionCode TRE_G15 profession code
 * @param specialtyCode savoir-faire (TRE_R38) or null
 * @param exerciseMode  codeModeExercice (L liberal, S salaried)
 * @param email         an e-mail address PSC asserts for them, or null (PSC often has none)
 */
public record FictionalProfessional(String rpps, String civility, String lastName, String firstName,
                                    String professionCode, String specialtyCode, String exerciseMode, String email) {

    /** The national identifier PSC puts in SubjectNameID and sub: "8" + RPPS. */
    public String nationalId() {
        return "8" + rpps;
    }

    /** PSC's SubjectRefPro structure: the exercises (professions) and, in each, the activities. */
    public Map<String, Object> subjectRefPro() {
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("codeModeExercice", exerciseMode);
        activity.put("codeSecteurDActivite", "SA07");
        activity.put("codeRole", "");
        Map<String, Object> exercise = new LinkedHashMap<>();
        exercise.put("codeProfession", professionCode);
        exercise.put("codeCategorieProfessionnelle", "C");
        exercise.put("codeCiviliteDexercice", "10".equals(professionCode) ? "DR" : "");
        exercise.put("nomDexercice", lastName);
        exercise.put("prenomDexercice", firstName);
        exercise.put("codeTypeSavoirFaire", specialtyCode == null ? "" : "S");
        exercise.put("codeSavoirFaire", specialtyCode == null ? "" : specialtyCode);
        exercise.put("activities", List.of(activity));
        Map<String, Object> refPro = new LinkedHashMap<>();
        refPro.put("codeCivilite", civility);
        refPro.put("exercices", List.of(exercise));
        return refPro;
    }
}
