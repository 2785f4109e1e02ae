package fr.esante.medimail.registration.session.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.registration.session.Sessions;
import fr.esante.medimail.registration.session.SignedIn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/** POST /api/v1/sessions {"email","password"}: 200 {"accessToken","accountStatus","expiresAt"}. */
@RestController
class SessionController {

    private final Sessions sessions;

    SessionController(Sessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/api/v1/sessions")
    ResponseEntity<SignedIn> signIn(@Valid @RequestBody SignInRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(sessions.signIn(request.email(), request.password()));
    }

    record SignInRequest(
            @NotBlank(message = "L'adresse e-mail est obligatoire.") String email,
            @NotBlank(message = "Le mot de passe est obligatoire.") String password) {

        @Override
        public String toString() {
            return "SignInRequest[…]";
        }
    }
}
