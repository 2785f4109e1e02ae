package fr.esante.medimail.registration.profile;

import java.util.Set;

/**
 * The active codes of the TRE_G15 health profession nomenclature (ANS), so that a typo is caught in the form
 * rather than days later by the address assignment. They must be exactly the codes of the profession table of
 * mss-address-service ({@code medimail.mss-address.professions} in mss-address-service.yml).
 */
public final class Professions {

    private static final Set<String> ACTIVE_CODES = Set.of(
            "10", "21", "26", "28", "31", "32", "40", "50", "60", "69", "70", "80", "81", "82", "83", "84", "85", "86",
            "91", "92", "94", "95", "96", "98");

    private Professions() {
    }

    public static boolean isKnown(String code) {
        return code != null && ACTIVE_CODES.contains(code);
    }

    /**
     * Every code accepted in a profile (unmodifiable). mss-address-service must know a domain for each of them,
     * or a profile accepted here would be refused later with UNKNOWN_PROFESSION (end-to-end-tests checks it).
     */
    public static Set<String> activeCodes() {
        return ACTIVE_CODES;
    }
}
