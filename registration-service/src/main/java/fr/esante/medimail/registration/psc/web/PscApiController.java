package fr.esante.medimail.registration.psc.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.registration.account.AccountStatus;
import fr.esante.medimail.registration.account.AuthenticatedAccount;
import fr.esante.medimail.registration.psc.ProSanteConnect;
import fr.esante.medimail.registration.psc.PscIdentity;
import fr.esante.medimail.registration.psc.PscLinks;
import fr.esante.medimail.registration.psc.PscOutcome;

/**
 * What the page does with the one-time code of the callback. Every answer has {@code outcome}: {@code SIGNED_IN}
 * (with {@code accessToken}, {@code expiresAt}, {@code accountStatus}, {@code termsAccepted}),
 * {@code SIGN_UP_REQUIRED} or {@code LINK_REQUIRED} (with the vouched {@code identity}), or
 * {@code EMAIL_CONFIRMATION_SENT}.
 */
@RestController
class PscApiController {

    private final ProSanteConnect proSanteConnect;
    private final PscLinks links;

    PscApiController(ProSanteConnect proSanteConnect, PscLinks links) {
        this.proSanteConnect = proSanteConnect;
        this.links = links;
    }

    /** What PSC vouched for the signed-in account, for the profile page to start pre-filled; 204 when not linked. */
    @GetMapping("/api/v1/me/pro-sante-connect")
    ResponseEntity<IdentityView> vouched(AuthenticatedAccount account) {
        return links.identityOf(account.accountId()).map(identity -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore()).body(IdentityView.of(identity)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    record ExchangeRequest(@NotBlank(message = "{psc.code.required}") @Size(max = 200, message = "{psc.code.too-long}") String code) {
    }

    record SignUpRequest(@NotBlank(message = "{psc.code.required}") @Size(max = 200, message = "{psc.code.too-long}") String code,
                         @Email(message = "{psc.email.invalid}") @Size(max = 254, message = "L'adresse e-mail est trop longue.") String email,
                         @NotBlank(message = "{psc.region.required}") @Size(max = 3, message = "{psc.region.too-long}") String region) {
    }

    record LinkRequest(@NotBlank(message = "{psc.code.required}") @Size(max = 200, message = "{psc.code.too-long}") String code,
                       @NotBlank(message = "{psc.email.required}") @Size(max = 254, message = "L'adresse e-mail est trop longue.") String email,
                       @NotBlank(message = "{psc.password.required}") @Size(max = 1000, message = "{psc.password.too-long}") String password) {
    }

    /** The vouched identity as the page shows it (read-only: PSC's word). */
    record IdentityView(String rpps, String lastName, String firstName, List<String> professions, List<String> specialties,
                        String email) {
        static IdentityView of(PscIdentity identity) {
            return new IdentityView(identity.rpps(), identity.lastName(), identity.firstName(), identity.professions(),
                    identity.specialties(), identity.email());
        }
    }

    record OutcomeView(String outcome, String accessToken, Instant expiresAt, AccountStatus accountStatus,
                       Boolean termsAccepted, IdentityView identity, String email) {
    }

    @PostMapping("/api/v1/psc/handoffs")
    ResponseEntity<OutcomeView> exchange(@Valid @RequestBody ExchangeRequest request) {
        return answer(proSanteConnect.exchange(request.code()));
    }

    @PostMapping("/api/v1/psc/sign-ups")
    ResponseEntity<OutcomeView> signUp(@Valid @RequestBody SignUpRequest request) {
        return answer(proSanteConnect.signUp(request.code(), request.email(), request.region()));
    }

    @PostMapping("/api/v1/psc/links")
    ResponseEntity<OutcomeView> link(@Valid @RequestBody LinkRequest request, HttpServletRequest http) {
        return answer(proSanteConnect.link(request.code(), request.email(), request.password(), http.getRemoteAddr()));
    }

    private static ResponseEntity<OutcomeView> answer(PscOutcome outcome) {
        OutcomeView view;
        HttpStatus status = HttpStatus.OK;
        if (outcome instanceof PscOutcome.SignedIn signedIn) {
            view = new OutcomeView("SIGNED_IN", signedIn.accessToken(), signedIn.expiresAt(), signedIn.accountStatus(),
                    signedIn.termsAccepted(), null, null);
        } else if (outcome instanceof PscOutcome.SignUpRequired signUp) {
            view = new OutcomeView("SIGN_UP_REQUIRED", null, null, null, null, IdentityView.of(signUp.identity()), null);
        } else if (outcome instanceof PscOutcome.LinkRequired link) {
            view = new OutcomeView("LINK_REQUIRED", null, null, null, null, IdentityView.of(link.identity()), link.maskedEmail());
        } else {
            PscOutcome.ConfirmationSent sent = (PscOutcome.ConfirmationSent) outcome;
            status = HttpStatus.ACCEPTED;
            view = new OutcomeView("EMAIL_CONFIRMATION_SENT", null, null, AccountStatus.EMAIL_CONFIRMATION_PENDING, null, null,
                    sent.email());
        }
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(view);
    }
}
