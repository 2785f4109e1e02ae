package fr.esante.medimail.identity.decision;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compares a name typed by a user with the one the directory publishes. Equality ignores what people type
 * inconsistently and what cannot tell two people apart: case, accents and ligatures, hyphens versus
 * spaces, apostrophes (D'ARCY, D’Arcy, Darcy and d arcy are one name). Anything else is either a near miss
 * (one slip of the keyboard, a compound name given in part) or a mismatch.
 */
public final class NameComparison {

    private NameComparison() {
    }

    public static NameMatch compare(String declared, String directory) {
        String a = key(declared);
        String b = key(directory);
        if (a.isEmpty() || b.isEmpty()) {
            return NameMatch.MISMATCH;
        }
        if (a.equals(b)) {
            return NameMatch.MATCH;
        }
        int allowed = Math.min(a.length(), b.length()) <= 4 ? 0 : Math.min(a.length(), b.length()) <= 8 ? 1 : 2;
        if (editDistance(a, b, allowed) <= allowed) {
            return NameMatch.NEAR_MISS;
        }
        if (isPartOf(tokens(declared), tokens(directory)) || isPartOf(tokens(directory), tokens(declared))) {
            return NameMatch.NEAR_MISS;
        }
        return NameMatch.MISMATCH;
    }

    /** The comparison key: upper-case ASCII letters and digits only. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String folded = name.replace("Œ", "OE").replace("œ", "oe").replace("Æ", "AE").replace("æ", "ae").replace("ß", "ss");
        String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFKD);
        StringBuilder key = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.isLetterOrDigit(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
                key.append(c);
            }
        }
        return key.toString().toUpperCase(Locale.ROOT);
    }

    /** Words of a name (split on spaces, hyphens and apostrophes), each reduced to its key. */
    static List<String> tokens(String name) {
        if (name == null) {
            return List.of();
        }
        return Arrays.stream(name.split("[\\s\\-‐‑–—'’‘ʼ.]+")).map(NameComparison::key).filter(t -> !t.isEmpty()).toList();
    }

    /** All words of {@code part} appear in {@code whole}, which has more: "Marie" of "Marie-Hélène". */
    private static boolean isPartOf(List<String> part, List<String> whole) {
        if (part.isEmpty() || part.size() >= whole.size()) {
            return false;
        }
        Set<String> words = new HashSet<>(whole);
        return words.containsAll(part);
    }

    /** Damerau-Levenshtein (optimal string alignment) distance, cut short once it exceeds {@code limit}. */
    static int editDistance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
