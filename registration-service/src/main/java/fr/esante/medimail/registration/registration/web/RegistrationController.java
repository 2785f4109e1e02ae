package fr.esante.medimail.registration.registration.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.registration.registration.RegistrationReceipt;
import fr.esante.medimail.registration.registration.RegistrationService;
import jakarta.validation.Valid;

/** POST /api/v1/registrations: 202 {"registrationId","status"}, the same whether or not the address was known. */
@RestController
class RegistrationController {

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @PostMapping("/api/v1/registrations")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RegistrationReceipt register(@Valid @RequestBody RegistrationRequest request) {
        return registrations.register(request.toRegistration());
    }
}
