package fr.esante.medimail.registration.terms.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.registration.account.AuthenticatedAccount;
import fr.esante.medimail.registration.account.web.AllowedBeforeTermsAcceptance;
import fr.esante.medimail.registration.terms.TermsOfUse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/** GET /api/v1/terms → {"version","text"}; POST /api/v1/me/terms-acceptance {"version"} (Bearer) → 204. */
@RestController
class TermsController {

    private final TermsOfUse terms;

    TermsController(TermsOfUse terms) {
        this.terms = terms;
    }

    @GetMapping("/api/v1/terms")
    ResponseEntity<TermsOfUse.Terms> current() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(terms.current());
    }

    @PostMapping("/api/v1/me/terms-acceptance")
    @AllowedBeforeTermsAcceptance
    ResponseEntity<Void> accept(AuthenticatedAccount account, @Valid @RequestBody AcceptanceRequest request) {
        terms.accept(account.accountId(), request.version());
        return ResponseEntity.noContent().build();
    }

    record AcceptanceRequest(@NotBlank(message = "{terms.version.required}") String version) {
    }
}
