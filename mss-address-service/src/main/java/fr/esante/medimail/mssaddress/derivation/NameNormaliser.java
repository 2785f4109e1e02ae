package fr.esante.medimail.mssaddress.derivation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reduces a name as people write it ("Marie-Hélène", "D'ARCY", "Le Gall", "Œuvray") to one component of an
 * MSSanté local part: lowercase ASCII letters in hyphen-separated components ({@code [a-z]+(-[a-z]+)*}),
 * or the empty string when nothing of the name can be written that way.
 *
 * <p>Every code point is classified on its own, before any Unicode normalisation, because compatibility
 * decomposition turns some marks into spaces (the acute accent {@code ´} becomes a space plus a combining
 * accent) and a typed accent must not split a name in two.
 */
public final class NameNormaliser {

    /** Letters that do not decompose into a base letter plus marks, so that NFKD alone would lose them. */
    private static final Map<Integer, String> SPELLED_OUT = Map.ofEntries(
            Map.entry((int) 'œ', "oe"), Map.entry((int) 'Œ', "oe"),
            Map.entry((int) 'æ', "ae"), Map.entry((int) 'Æ', "ae"),
            Map.entry((int) 'ß', "ss"), Map.entry((int) 'ẞ', "ss"),
            // Not French, but carried by foreign professionals (INT mailboxes): dropping them would mangle the name.
            Map.entry((int) 'ø', "o"), Map.entry((int) 'Ø', "o"),
            Map.entry((int) 'ł', "l"), Map.entry((int) 'Ł', "l"),
            Map.entry((int) 'đ', "d"), Map.entry((int) 'Đ', "d"),
            Map.entry((int) 'ð', "d"), Map.entry((int) 'Ð', "d"),
            Map.entry((int) 'þ', "th"), Map.entry((int) 'Þ', "th"),
            Map.entry((int) 'ı', "i"));

    /** Apostrophes and the characters people type in their place: "D'Arcy" is one word, darcy. */
    private static final Set<Integer> APOSTROPHES = Set.of(
            (int) '\'', (int) '’', (int) '‘', (int) 'ʼ', (int) '`', (int) '´', (int) 'ʹ', (int) '′', (int) '＇');

    /** Dashes that word processors substitute for the hyphen a user typed in "Jean-Pierre". */
    private static final Set<Integer> HYPHENS = Set.of(
            (int) '-', (int) '‐', (int) '‑', (int) '‒', (int) '–', (int) '—', (int) '―', (int) '−', (int) '﹣', (int) '－');

    private NameNormaliser() {
    }

    /** The normalised form of {@code name}; empty when the name has no representable letter (or is null). */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(codePoint -> append(codePoint, out));
        return trimHyphens(out);
    }

    private static void append(int codePoint, StringBuilder out) {
        if (APOSTROPHES.contains(codePoint)) {
            return;
        }
        if (HYPHENS.contains(codePoint) || Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            // A run of separators ("Le  Gall", "Jean - Pierre", "Jean-'-Pierre") stays one hyphen, and none leads.
            if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
            return;
        }
        String spelled = SPELLED_OUT.get(codePoint);
        String decomposed = spelled != null ? spelled
                : Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKD);
        // Whatever is not an ASCII letter after decomposition (combining accents, digits, punctuation, letters of
        // other scripts) is dropped. Digits especially: a digit in the local part would read as a homonym suffix.
        decomposed.toLowerCase(Locale.ROOT).chars()
                .filter(c -> c >= 'a' && c <= 'z')
                .forEach(c -> out.append((char) c));
    }

    private static String trimHyphens(StringBuilder out) {
        // Separators are never appended first nor twice in a row, so only a trailing one can be left ("Durand ").
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') {
            end--;
        }
        return out.substring(0, end);
    }
}
