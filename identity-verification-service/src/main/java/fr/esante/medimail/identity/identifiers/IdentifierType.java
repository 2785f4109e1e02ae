package fr.esante.medimail.identity.identifiers;

import java.util.Locale;
import java.util.Optional;

/** The identifiers a professional or a structure can be known by in the French health directories. */
public enum IdentifierType {
    /** Répertoire partagé des professionnels de santé: 11 digits, national form {@code 8} + RPPS. */
    RPPS,
    /** The older professional register being replaced by RPPS: 9 digits, national form {@code 0} + ADELI. */
    ADELI,
    /** Health and social structures: 9 characters, département first, national form {@code 1} + FINESS. */
    FINESS,
    /** Companies (INSEE): 9 digits. */
    SIREN,
    /** Establishments of a company: SIREN + 5 digits. */
    SIRET;

    /** Case-insensitive; empty when the text names no type (callers answer UNKNOWN_TYPE). */
    public static Optional<IdentifierType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Identifies a person (NATIONAL_ID path) rather than a structure. */
    public boolean identifiesProfessional() {
        return this == RPPS || this == ADELI;
    }
}
