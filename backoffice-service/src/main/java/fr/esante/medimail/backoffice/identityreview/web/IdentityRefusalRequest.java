package fr.esante.medimail.backoffice.identityreview.web;

import fr.esante.medimail.backoffice.identityreview.IdentityReview;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of an identity refusal: the reason, in French, as the applicant will read it on their status page. */
record IdentityRefusalRequest(
        @NotBlank(message = "{identityreview.reason.required}")
        @Size(max = IdentityReview.MAX_REASON_LENGTH, message = "{identityreview.reason.too-long}")
        String reason) {
}
