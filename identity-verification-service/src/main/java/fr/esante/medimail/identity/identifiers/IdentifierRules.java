package fr.esante.medimail.identity.identifiers;

/**
 * Syntax and key of French health identifiers, as listed in the project's facts file
 * (shared/reference/identifiers-and-directory.md). Pure and allocation-light: it backs the instant form
 * feedback as well as the first step of every identity decision.
 *
 * <p>Order of the checks, so that the code tells the user what to fix first: characters, then length,
 * then (FINESS) département, then key. Separators people copy from cards and letters (spaces, dots,
 * hyphens) are dropped, and the national forms ({@code 8}+RPPS, {@code 0}+ADELI, {@code 1}+FINESS) are
 * accepted and reduced to the bare identifier.
 */
public final class IdentifierRules {

    /** SIREN shared by every La Poste establishment; their SIRET keys follow a digit-sum rule. */
    private static final String LA_POSTE_SIREN = "356000000";
    /** La Poste's head office is keyed with Luhn like everyone else. */
    private static final String LA_POSTE_HEAD_OFFICE = "35600000000048";

    private IdentifierRules() {
    }

    /** For a type given as text (web forms, events): an unrecognised type gets {@link SyntaxProblem#UNKNOWN_TYPE}. */
    public static IdentifierCheck check(String type, String value) {
        return IdentifierType.parse(type)
                .map(known -> check(known, value))
                .orElseGet(() -> IdentifierCheck.malformed(null, value, SyntaxProblem.UNKNOWN_TYPE));
    }

    public static IdentifierCheck check(IdentifierType type, String value) {
        String compact = withoutSeparators(value);
        return switch (type) {
            case RPPS -> digits(type, value, compact, 11, '8');
            case ADELI -> digits(type, value, compact, 9, '0');
            case SIREN -> digits(type, value, compact, 9, (char) 0);
            case SIRET -> digits(type, value, compact, 14, (char) 0);
            case FINESS -> finess(value, compact);
        };
    }

    private static IdentifierCheck digits(IdentifierType type, String input, String compact, int length, char nationalPrefix) {
        if (!allDigits(compact, 0, compact.length())) {
            return IdentifierCheck.malformed(type, input, SyntaxProblem.NOT_DIGITS);
        }
        String bare = compact;
        if (nationalPrefix != 0 && compact.length() == length + 1 && compact.charAt(0) == nationalPrefix) {
            bare = compact.substring(1);
        }
        if (bare.length() != length) {
            return IdentifierCheck.malformed(type, input, SyntaxProblem.WRONG_LENGTH);
        }
        if (type == IdentifierType.SIRET && bare.startsWith(LA_POSTE_SIREN) && !bare.equals(LA_POSTE_HEAD_OFFICE)) {
            return digitSum(bare) % 5 == 0
                    ? IdentifierCheck.wellFormed(type, input, bare, KeyRule.LA_POSTE_DIGIT_SUM)
                    : IdentifierCheck.malformed(type, input, SyntaxProblem.INVALID_CHECK_DIGIT);
        }
        return Luhn.isValid(bare)
                ? IdentifierCheck.wellFormed(type, input, bare, KeyRule.LUHN)
                : IdentifierCheck.malformed(type, input, SyntaxProblem.INVALID_CHECK_DIGIT);
    }

    private static IdentifierCheck finess(String input, String compact) {
        IdentifierType type = IdentifierType.FINESS;
        String upper = asciiUpperCase(compact);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
                return IdentifierCheck.malformed(type, input, SyntaxProblem.NOT_DIGITS);
            }
        }
        String bare = upper.length() == 10 && upper.charAt(0) == '1' ? upper.substring(1) : upper;
        if (bare.length() != 9) {
            return IdentifierCheck.malformed(type, input, SyntaxProblem.WRONG_LENGTH);
        }
        if (!allDigits(bare, 2, 9)) {
            return IdentifierCheck.malformed(type, input, SyntaxProblem.NOT_DIGITS);
        }
        if (!isFinessDepartment(bare.charAt(0), bare.charAt(1))) {
            return IdentifierCheck.malformed(type, input, SyntaxProblem.INVALID_DEPARTMENT);
        }
        if (!allDigits(bare, 0, 2)) {
            // How Corsican (2A/2B) and overseas (9A-9F) numbers are keyed is not published.
            return IdentifierCheck.wellFormed(type, input, bare, KeyRule.FORMAT_ONLY);
        }
        return Luhn.isValid(bare)
                ? IdentifierCheck.wellFormed(type, input, bare, KeyRule.LUHN)
                : IdentifierCheck.malformed(type, input, SyntaxProblem.INVALID_CHECK_DIGIT);
    }

    /**
     * Metropolitan départements 01-95 (20 has not existed since Corsica was split into 2A and 2B), and the
     * letters FINESS uses for Corsica (2A, 2B) and the overseas départements (9A-9F: 971 to 976).
     */
    static boolean isFinessDepartment(char first, char second) {
        if (first == '2' && (second == 'A' || second == 'B')) {
            return true;
        }
        if (first == '9' && second >= 'A' && second <= 'F') {
            return true;
        }
        if (first < '0' || first > '9' || second < '0' || second > '9') {
            return false;
        }
        int number = (first - '0') * 10 + (second - '0');
        return number >= 1 && number <= 95 && number != 20;
    }

    /** Drops what people type between digits (spaces of any width, dots, hyphens and dashes) and surrounding blanks. */
    static String withoutSeparators(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isSeparator(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '\t' || c == '\u00A0' || c == '\u202F' || c == '\u2009'
                || (c >= '\u2010' && c <= '\u2015') || c == '\u2212';
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String asciiUpperCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'a' && chars[i] <= 'z') {
                chars[i] = (char) (chars[i] - 'a' + 'A');
            }
        }
        return new String(chars);
    }

    private static int digitSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += digits.charAt(i) - '0';
        }
        return sum;
    }
}
