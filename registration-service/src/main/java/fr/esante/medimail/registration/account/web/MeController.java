package fr.esante.medimail.registration.account.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.registration.account.Accounts;
import fr.esante.medimail.registration.account.AuthenticatedAccount;
import fr.esante.medimail.registration.account.Refusal;
import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/** GET /api/v1/me (Bearer): the holder follows their own registration. */
@RestController
class MeController {

    private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);

    private final Accounts accounts;

    MeController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/me")
    @AllowedBeforeTermsAcceptance(alsoWithoutOneTimeCode = true)
    ResponseEntity<MeView> me(AuthenticatedAccount authenticated) {
        MeView view = accounts.findById(authenticated.accountId()).map(MeView::of)
                .orElseThrow(() -> Refusal.unauthenticated("ACCESS_TOKEN_INVALID", TEXTS.text("account.access-token-invalid")));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
    }
}
