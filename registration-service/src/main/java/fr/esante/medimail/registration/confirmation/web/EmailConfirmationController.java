package fr.esante.medimail.registration.confirmation.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.AccountStatus;
import fr.esante.medimail.registration.confirmation.EmailConfirmation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** POST /api/v1/email-confirmations {"token"}: 200 {"registrationId","status":"EMAIL_CONFIRMED"}. */
@RestController
class EmailConfirmationController {

    private final EmailConfirmation confirmation;

    EmailConfirmationController(EmailConfirmation confirmation) {
        this.confirmation = confirmation;
    }

    @PostMapping("/api/v1/email-confirmations")
    Confirmed confirm(@Valid @RequestBody ConfirmationRequest request) {
        Account account = confirmation.confirm(request.token());
        return new Confirmed(account.id(), account.status());
    }

    record ConfirmationRequest(
            @NotBlank(message = "{confirmation.token.required}")
            @Size(max = 200, message = "{confirmation.token.too-long}")
            String token) {

        @Override
        public String toString() {
            return "ConfirmationRequest[…]";
        }
    }

    record Confirmed(UUID registrationId, AccountStatus status) {
    }
}
