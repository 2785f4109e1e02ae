package fr.esante.medimail.registration.password.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.registration.account.AuthenticatedAccount;
import fr.esante.medimail.registration.password.PasswordChanges;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * PUT /api/v1/me/password (Bearer) → 204; POST /api/v1/password-resets {"email"} → always 202;
 * POST /api/v1/password-resets/confirmation {"token","password","passwordConfirmation"} → 204.
 */
@RestController
class PasswordController {

    private final PasswordChanges changes;

    PasswordController(PasswordChanges changes) {
        this.changes = changes;
    }

    @PutMapping("/api/v1/me/password")
    ResponseEntity<Void> change(AuthenticatedAccount account, @Valid @RequestBody ChangeRequest request,
                                @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, HttpServletRequest http) {
        String token = authorization.substring("Bearer ".length()).strip();
        changes.change(account.accountId(), token, request.currentPassword(), request.password(),
                request.passwordConfirmation(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/password-resets")
    ResponseEntity<Void> requestReset(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
        changes.requestReset(request.email(), http.getRemoteAddr());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/v1/password-resets/confirmation")
    ResponseEntity<Void> confirmReset(@Valid @RequestBody ResetConfirmation request) {
        changes.confirmReset(request.token(), request.password(), request.passwordConfirmation());
        return ResponseEntity.noContent().build();
    }

    record ChangeRequest(
            @NotBlank(message = "{password.current-password.required}") String currentPassword,
            @NotBlank(message = "{password.password.required}") String password,
            @NotBlank(message = "{password.password-confirmation.required}") String passwordConfirmation) {

        @Override
        public String toString() {
            return "ChangeRequest[…]";
        }
    }

    /** The address is checked as at registration: a malformed or overlong one is refused whether or not it has an account. */
    record ResetRequest(
            @NotBlank(message = "L'adresse e-mail est obligatoire.")
            @Size(max = 254, message = "{password.email.too-long}")
            @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{password.email.invalid}")
            String email) {
    }

    record ResetConfirmation(
            @NotBlank(message = "{password.token.required}") String token,
            @NotBlank(message = "{password.password.required}") String password,
            @NotBlank(message = "{password.password-confirmation.required}") String passwordConfirmation) {

        @Override
        public String toString() {
            return "ResetConfirmation[…]";
        }
    }
}
