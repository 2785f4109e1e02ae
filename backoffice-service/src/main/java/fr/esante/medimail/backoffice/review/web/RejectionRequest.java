package fr.esante.medimail.backoffice.review.web;

import fr.esante.medimail.backoffice.review.Decision;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of a rejection: the reason, in French, as the applicant will read it in the e-mail. */
record RejectionRequest(
        @NotBlank(message = "Indiquez le motif du refus : il sera envoyé au demandeur.")
        @Size(max = Decision.MAX_REASON_LENGTH, message = "Le motif ne peut pas dépasser 1000 caractères.")
        String reason) {
}
