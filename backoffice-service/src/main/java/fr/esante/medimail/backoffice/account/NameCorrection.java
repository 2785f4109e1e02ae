package fr.esante.medimail.backoffice.account;

import java.util.Objects;

/**
 * The names staff give a validated account on its holder's behalf, checked for shape and tidied (trimmed, inner blanks
 * collapsed); registration-service, which owns the names, applies them.
 *
 * @param reason why, in French, for the audit and the holder's e-mail; null when not given
 */
public record NameCorrection(String lastName, String firstName, String reason) {

    public NameCorrection {
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
    }
}
