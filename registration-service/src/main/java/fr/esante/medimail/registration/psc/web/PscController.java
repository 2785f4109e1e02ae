package fr.esante.medimail.registration.psc.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import fr.esante.medimail.registration.pages.PageProperties;
import fr.esante.medimail.registration.psc.ProSanteConnect;
import fr.esante.medimail.registration.psc.PscIdentity;
import fr.esante.medimail.registration.psc.PscLoginFailed;
import fr.esante.medimail.registration.psc.PscClaims;
import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * The browser's side of the Pro Santé Connect sign-in. {@code GET /psc/login} sends the browser to PSC;
 * {@code GET /psc/callback} checks what PSC sends back and hands the page a one-time code in the URL fragment
 * ({@code /psc/retour#code=…}: a fragment never reaches a server, so no access log holds it), which the page exchanges
 * for a session or a sign-up. Any failure is a French page offering the ordinary sign-up, with nothing written; the
 * reason is logged, never a token.
 */
@Controller
class PscController {

    private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);

    private static final Logger log = LoggerFactory.getLogger(PscController.class);

    private final PscOpenIdClient client;
    private final ProSanteConnect proSanteConnect;
    private final PageProperties pages;

    PscController(PscOpenIdClient client, ProSanteConnect proSanteConnect, PageProperties pages) {
        this.client = client;
        this.proSanteConnect = proSanteConnect;
        this.pages = pages;
    }

    /** What every page's layout reads (as the other pages get it). */
    @ModelAttribute
    void settings(Model model) {
        model.addAttribute("pages", pages);
    }

    @GetMapping("/psc/login")
    String login(HttpServletRequest request, HttpServletResponse response, Model model) {
        noStore(response);
        try {
            return "redirect:" + client.authorizationUrl(request, response);
        } catch (PscLoginFailed failure) {
            return failed(failure, response, model);
        }
    }

    @GetMapping("/psc/callback")
    String callback(HttpServletRequest request, HttpServletResponse response, Model model) {
        noStore(response);
        // The URL carries the authorization code: never sent on as a referrer.
        response.setHeader("Referrer-Policy", "no-referrer");
        try {
            PscIdentity identity = PscClaims.identity(client.finish(request, response));
            return "redirect:/psc/retour#code=" + proSanteConnect.handOff(identity);
        } catch (PscLoginFailed failure) {
            return failed(failure, response, model);
        }
    }

    @GetMapping("/psc/retour")
    String handBack(HttpServletResponse response) {
        noStore(response);
        return "pages/psc-retour";
    }

    private static String failed(PscLoginFailed failure, HttpServletResponse response, Model model) {
        log.warn("Pro Santé Connect sign-in failed ({}): {}", failure.kind(), failure.getMessage());
        boolean unavailable = failure.kind() == PscLoginFailed.Kind.PROVIDER_UNAVAILABLE;
        response.setStatus(unavailable ? HttpStatus.SERVICE_UNAVAILABLE.value() : HttpStatus.BAD_REQUEST.value());
        model.addAttribute("unavailable", unavailable);
        model.addAttribute("message", switch (failure.kind()) {
            case PROVIDER_UNAVAILABLE -> TEXTS.text("psc.sign-in-failed.provider-unavailable");
            case CANCELLED -> TEXTS.text("psc.sign-in-failed.cancelled");
            case UNSUPPORTED_IDENTITY -> TEXTS.text("psc.sign-in-failed.unsupported-identity");
            case REJECTED -> TEXTS.text("psc.sign-in-failed.rejected");
        });
        return "pages/psc-erreur";
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
