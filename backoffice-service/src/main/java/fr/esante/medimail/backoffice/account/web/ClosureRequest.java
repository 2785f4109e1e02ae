package fr.esante.medimail.backoffice.account.web;

import fr.esante.medimail.backoffice.account.AccountCare;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of a closure: why, in French (kept in the audit trail and sent to registration-service). */
record ClosureRequest(
        @NotBlank(message = "{account.reason.required}")
        @Size(max = AccountCare.MAX_REASON_LENGTH, message = "{account.reason.too-long}")
        String reason) {
}
