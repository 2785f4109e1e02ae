package fr.esante.medimail.backoffice.account;

import java.util.Objects;

/**
 * The names staff give a validated account on its holder's behalf, tidied (trimmed, inner blanks collapsed);
 * registration-service, which owns the names and the rule on them, applies them or refuses them (StaffCorrectionRefused).
 *
 * @param reason why, in French, for the audit and the holder's e-mail; null when not given
 */
public record NameCorrection(String lastName, String firstName, String reason) {

    /** What the back office stores of a name (audit trail); not the rule on names, which is registration-service's. */
    public static final int MAX_LENGTH = 200;

    public NameCorrection {
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
    }
}
