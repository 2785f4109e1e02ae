package fr.esante.medimail.backoffice.review.web;

import fr.esante.medimail.backoffice.review.Decision;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of a rejection: the reason, in French, as the applicant will read it in the e-mail. */
record RejectionRequest(
        @NotBlank(message = "{review.reason.required}")
        @Size(max = Decision.MAX_REASON_LENGTH, message = "{review.reason.too-long}")
        String reason) {
}
