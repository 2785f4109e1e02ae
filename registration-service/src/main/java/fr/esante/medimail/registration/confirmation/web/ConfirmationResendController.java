package fr.esante.medimail.registration.confirmation.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.registration.confirmation.ConfirmationResend;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * POST /api/v1/email-confirmations/resend {"email"}: always 202 with an empty body, whether or not the address
 * has an account (no enumeration); a malformed address is a 400 on its field, which tells nothing about accounts.
 */
@RestController
class ConfirmationResendController {

    private final ConfirmationResend resend;

    ConfirmationResendController(ConfirmationResend resend) {
        this.resend = resend;
    }

    @PostMapping("/api/v1/email-confirmations/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resend(@Valid @RequestBody ResendRequest request) {
        resend.resend(request.email());
    }

    record ResendRequest(
            @NotBlank(message = "L'adresse e-mail est obligatoire.")
            @Size(max = 254, message = "{confirmation.email.too-long}")
            @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{confirmation.email.invalid}")
            String email) {
    }
}
