package fr.esante.medimail.backoffice.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import fr.esante.medimail.backoffice.account.AccountCare;
import fr.esante.medimail.backoffice.account.NameCorrection;

/**
 * Body of a staff correction of names (API and page form alike). registration-service owns the rule on names; this is
 * the same shape as its registration form (a letter first, then letters, blanks, apostrophes, dots and hyphens; 100
 * characters at most), so that a correction it would refuse is refused here with a French message instead of being
 * sent and ignored. Names are trimmed and their inner blanks collapsed, as registration-service does.
 */
record NameCorrectionRequest(
        @NotBlank(message = "{backoffice.name-correction.last-name.required}")
        @Size(max = 100, message = "{backoffice.name-correction.last-name.too-long}")
        @Pattern(regexp = NAME, message = "{backoffice.name-correction.last-name.characters}")
        String lastName,

        @NotBlank(message = "{backoffice.name-correction.first-name.required}")
        @Size(max = 100, message = "{backoffice.name-correction.first-name.too-long}")
        @Pattern(regexp = NAME, message = "{backoffice.name-correction.first-name.characters}")
        String firstName,

        @Size(max = AccountCare.MAX_REASON_LENGTH, message = "{backoffice.name-correction.reason.too-long}")
        String reason) {

    /** registration-service's RegistrationRequest.NAME: a letter (any script, accents), then letters, blanks, ' ’ . - */
    static final String NAME = "(?:\\p{L}[\\p{L}\\p{M} '’.-]*)?";

    NameCorrectionRequest {
        lastName = tidy(lastName);
        firstName = tidy(firstName);
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    NameCorrection toCorrection() {
        return new NameCorrection(lastName, firstName, reason);
    }

    private static String tidy(String name) {
        return name == null ? null : name.strip().replaceAll("\\s+", " ");
    }
}
