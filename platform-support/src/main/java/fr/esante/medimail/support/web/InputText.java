package fr.esante.medimail.support.web;

/**
 * What a text received from outside may contain. Control characters (NUL and the other C0/C1 controls, DEL)
 * are refused rather than stripped: PostgreSQL cannot store NUL, and the others hide text in logs, e-mails and
 * pages. Tab, line feed and carriage return stay allowed, since free-text fields (a reason typed in a text area)
 * may span lines. A lone UTF-16 surrogate is not a character at all: encoded to UTF-8 it silently becomes
 * {@code ?}, so a password containing one would also match {@code ?}.
 */
public final class InputText {

    private InputText() {
    }

    /** Index of the first character refused in {@code text}, or -1 when the text is acceptable. */
    public static int forbiddenAt(CharSequence text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
        }
        return -1;
    }

    public static boolean isAcceptable(CharSequence text) {
        return forbiddenAt(text) < 0;
    }
}
