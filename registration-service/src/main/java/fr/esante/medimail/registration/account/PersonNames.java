package fr.esante.medimail.registration.account;

import java.util.Optional;

/**
 * The rule on a holder's last and first names. registration-service owns the names, so this is the one place that
 * says what a name may be: the registration form validates with it (same constants in its annotations) and so do
 * corrections staff request from the back office, which no longer carries a copy.
 */
public final class PersonNames {

    /** The longest name accepted. */
    public static final int MAX_LENGTH = 100;

    /** A letter (any script, accents), then letters, blanks, apostrophes, dots and hyphens; empty is left to "required". */
    public static final String PATTERN = "(?:\\p{L}[\\p{L}\\p{M} '’.-]*)?";

    private PersonNames() {
    }

    /** Trimmed, inner blanks collapsed, as the form stores names; null stays null. */
    public static String tidy(String name) {
        return name == null ? null : name.strip().replaceAll("\\s+", " ");
    }

    /** What is wrong with a tidied name, if anything. */
    public static Optional<FieldProblem> problemWith(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(FieldProblem.REQUIRED);
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of(FieldProblem.TOO_LONG);
        }
        return name.matches(PATTERN) ? Optional.empty() : Optional.of(FieldProblem.CHARACTERS);
    }
}
