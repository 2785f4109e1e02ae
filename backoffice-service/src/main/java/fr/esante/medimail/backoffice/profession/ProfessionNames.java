package fr.esante.medimail.backoffice.profession;

import java.util.Map;

/**
 * The French labels of the TRE_G15 profession codes, as registration-service (which owns the nomenclature) sends them
 * with each submitted profile. Learnt, not copied: a profession appears here once a profile of it was submitted, and a
 * label renamed upstream is renamed here with the next profile.
 */
public interface ProfessionNames {

    /** Records the label of a code; a null or blank label (a producer older than the field) changes nothing. */
    void learn(String code, String label);

    /** Every code learnt so far with its label, sorted by code. */
    Map<String, String> all();
}
