package fr.esante.medimail.backoffice.account.web;

import fr.esante.medimail.backoffice.account.AccountCare;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of a closure: why, in French (kept in the audit trail and sent to registration-service). */
record ClosureRequest(
        @NotBlank(message = "Indiquez le motif de la clôture.")
        @Size(max = AccountCare.MAX_REASON_LENGTH, message = "Le motif ne peut pas dépasser 1000 caractères.")
        String reason) {
}
