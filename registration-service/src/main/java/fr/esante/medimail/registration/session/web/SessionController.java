package fr.esante.medimail.registration.session.web;

import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.registration.session.ChallengeSent;
import fr.esante.medimail.registration.session.CodeAccepted;
import fr.esante.medimail.registration.session.Sessions;
import fr.esante.medimail.registration.session.SignInOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * POST /api/v1/sessions {"email","password"}: 200 {"accessToken","accountStatus","expiresAt"} (not validated yet) or
 * 202 {"challengeId","sentTo","expiresAt"} (validated: a code was e-mailed); POST /api/v1/sessions/otp
 * {"challengeId","code"}: 200 {"accessToken","expiresAt","termsAccepted"}; POST /api/v1/sessions/otp/resend
 * {"challengeId"}: 202; DELETE /api/v1/sessions/current (Bearer): 204.
 */
@RestController
class SessionController {

    private final Sessions sessions;

    SessionController(Sessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/api/v1/sessions")
    ResponseEntity<SignInOutcome> signIn(@Valid @RequestBody SignInRequest request, HttpServletRequest http) {
        SignInOutcome outcome = sessions.signIn(request.email(), request.password(), http.getRemoteAddr());
        HttpStatus status = outcome instanceof ChallengeSent ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(outcome);
    }

    @PostMapping("/api/v1/sessions/otp")
    ResponseEntity<CodeAccepted> oneTimeCode(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(sessions.verifyCode(request.challengeId(), request.code(), http.getRemoteAddr()));
    }

    @PostMapping("/api/v1/sessions/otp/resend")
    ResponseEntity<ChallengeSent> resend(@Valid @RequestBody ResendRequest request, HttpServletRequest http) {
        return ResponseEntity.accepted().cacheControl(CacheControl.noStore())
                .body(sessions.resendCode(request.challengeId(), http.getRemoteAddr()));
    }

    /** Logout; a missing or unknown token is already logged out (204 all the same: nothing to reveal). */
    @DeleteMapping("/api/v1/sessions/current")
    ResponseEntity<Void> signOut(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        sessions.signOut(BearerAuthentication.tokenOf(authorization));
        return ResponseEntity.noContent().build();
    }

    record SignInRequest(
            @NotBlank(message = "L'adresse e-mail est obligatoire.") String email,
            @NotBlank(message = "{session.password.required}") String password) {

        @Override
        public String toString() {
            return "SignInRequest[…]";
        }
    }

    record CodeRequest(
            @NotNull(message = "{session.challenge-id.required}") UUID challengeId,
            @NotBlank(message = "{session.code.required}") @Size(max = 20, message = "Code incorrect.") String code) {

        @Override
        public String toString() {
            return "CodeRequest[" + challengeId + "]";
        }
    }

    record ResendRequest(@NotNull(message = "{session.challenge-id.required}") UUID challengeId) {
    }
}
