package fr.esante.medimail.backoffice.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import fr.esante.medimail.backoffice.account.AccountCare;
import fr.esante.medimail.backoffice.account.NameCorrection;

/**
 * Body of a staff correction of names (API and page form alike). registration-service owns the names and the rule on
 * them (its {@code PersonNames}): this checks only what the back office needs to record the request (both names given,
 * a length its audit trail can hold) and trims them. A correction the rule refuses comes back as
 * StaffCorrectionRefused, shown in the account's history.
 */
record NameCorrectionRequest(
        @NotBlank(message = "{backoffice.name-correction.last-name.required}")
        @Size(max = NameCorrection.MAX_LENGTH, message = "{backoffice.name-correction.last-name.too-long}")
        String lastName,

        @NotBlank(message = "{backoffice.name-correction.first-name.required}")
        @Size(max = NameCorrection.MAX_LENGTH, message = "{backoffice.name-correction.first-name.too-long}")
        String firstName,

        @Size(max = AccountCare.MAX_REASON_LENGTH, message = "{backoffice.name-correction.reason.too-long}")
        String reason) {

    NameCorrectionRequest {
        lastName = tidy(lastName);
        firstName = tidy(firstName);
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    NameCorrection toCorrection() {
        return new NameCorrection(lastName, firstName, reason);
    }

    /** Trimmed, inner blanks collapsed, so that "nothing to correct" compares like with like. */
    private static String tidy(String name) {
        return name == null ? null : name.strip().replaceAll("\\s+", " ");
    }
}
