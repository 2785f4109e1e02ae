package fr.esante.medimail.registration.confirmation.web;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletResponse;

/**
 * GET /confirmation?token=…: the page the e-mailed link opens. The page itself confirms nothing (mail scanners
 * that prefetch links must not consume the token); its script posts the token to the API and shows the outcome.
 */
@Controller
class ConfirmationPageController {

    @GetMapping("/confirmation")
    String page(HttpServletResponse response) {
        // The URL carries a secret: never cached, never sent on as a referrer.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        return "registration/confirmation";
    }
}
