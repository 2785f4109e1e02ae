package fr.esante.medimail.registration.pages.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import fr.esante.medimail.registration.pages.PageProperties;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The professional's pages, in the order of the procedure. Each is static HTML (DSFR) plus one script of its own that
 * calls the JSON API; the session token lives in the tab's sessionStorage and travels as a Bearer header, never in a
 * cookie, so no page can be made to act through a forged cross-site request. Pages whose URL carries a secret (the
 * e-mailed links) are never cached nor sent on as a referrer.
 */
@Controller
@Configuration
@EnableConfigurationProperties(PageProperties.class)
class PageController {

    private final PageProperties properties;

    PageController(PageProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute
    void settings(Model model) {
        model.addAttribute("pages", properties);
    }

    @GetMapping("/")
    String createAccount() {
        return "pages/inscription";
    }

    @GetMapping("/inscription/verifiez-vos-e-mails")
    String checkYourMailbox() {
        return "pages/verifiez-vos-e-mails";
    }

    @GetMapping("/confirmation")
    String confirmation(HttpServletResponse response) {
        secretInUrl(response);
        return "pages/confirmation";
    }

    @GetMapping("/connexion")
    String logIn() {
        return "pages/connexion";
    }

    @GetMapping("/connexion/code")
    String oneTimeCode() {
        return "pages/code";
    }

    @GetMapping("/conditions-utilisation")
    String termsOfUse() {
        return "pages/conditions-utilisation";
    }

    @GetMapping("/deconnexion")
    String logOut() {
        return "pages/deconnexion";
    }

    @GetMapping("/mot-de-passe/oublie")
    String forgottenPassword() {
        return "pages/mot-de-passe-oublie";
    }

    @GetMapping("/mot-de-passe/reinitialiser")
    String resetPassword(HttpServletResponse response) {
        secretInUrl(response);
        return "pages/mot-de-passe-reinitialiser";
    }

    @GetMapping("/profil")
    String professionalProfile() {
        return "pages/profil";
    }

    @GetMapping("/ma-demande")
    String myRequest() {
        return "pages/ma-demande";
    }

    @GetMapping("/mon-compte")
    String myAccount() {
        return "pages/mon-compte";
    }

    @GetMapping("/boites-organisationnelles")
    String organisationalMailboxes() {
        return "pages/boites-organisationnelles";
    }

    private static void secretInUrl(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
