package fr.esante.medimail.registration.psc;

import java.util.List;

/**
 * The identity Pro Santé Connect vouched for: read from the validated ID token and userinfo, never typed.
 *
 * @param rpps        11-digit RPPS (SubjectNameID without its leading "8")
 * @param lastName    family_name
 * @param firstName   given_name
 * @param professions TRE_G15 profession codes of SubjectRefPro's exercises, in PSC's order
 * @param specialties savoir-faire codes of those exercises, same order (null where none)
 * @param email       an e-mail address PSC asserts, or null
 */
public record PscIdentity(String rpps, String lastName, String firstName, List<String> professions, List<String> specialties,
                          String email) {

    public PscIdentity {
        professions = List.copyOf(professions);
        specialties = specialties == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(specialties));
    }

    /** The savoir-faire PSC lists with this profession, or null. */
    public String specialtyOf(String profession) {
        int index = professions.indexOf(profession);
        return index < 0 || index >= specialties.size() ? null : specialties.get(index);
    }
}
