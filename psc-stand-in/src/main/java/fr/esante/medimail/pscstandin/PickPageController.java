package fr.esante.medimail.pscstandin;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The French page where one picks which fictional professional to be (the stand-in for the CPS card or e-CPS). */
@RestController
class PickPageController {

    @GetMapping(value = AuthorizationServerConfiguration.PICK_PAGE, produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String pickPage(CsrfToken csrf, @RequestParam(name = "error", required = false) String error) {
        StringBuilder html = new StringBuilder("""
                <!doctype html>
                <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Pro Santé Connect (fournisseur local de test) - Choisir une identité</title>
                <link rel="stylesheet" href="/stand-in.css"></head>
                <body><main>
                <p class="bandeau">Fournisseur d'identité <strong>local de test</strong> : il imite Pro Santé Connect avec des
                personnes fictives. Il ne vérifie rien, ne l'exposez jamais hors de votre poste.</p>
                <h1>Qui êtes-vous ?</h1>
                <p>Choisissez le professionnel fictif sous l'identité duquel vous connecter (comme avec une carte CPS ou
                l'application e-CPS).</p>
                """);
        if (error != null) {
            html.append("<p class=\"erreur\" role=\"alert\">Cette identité est inconnue du fournisseur de test.</p>");
        }
        html.append("<ul>");
        for (FictionalProfessional person : FictionalProfessionals.ALL) {
            String label = person.firstName() + " " + person.lastName() + " - RPPS " + person.rpps() + " - profession "
                    + person.professionCode() + (person.email() == null ? "" : " - " + person.email());
            html.append("<li><form method=\"post\" action=\"").append(AuthorizationServerConfiguration.PICK_PAGE).append("\">")
                    .append("<input type=\"hidden\" name=\"").append(HtmlUtils.htmlEscape(csrf.getParameterName()))
                    .append("\" value=\"").append(HtmlUtils.htmlEscape(csrf.getToken())).append("\">")
                    .append("<input type=\"hidden\" name=\"identite\" value=\"").append(person.nationalId()).append("\">")
                    .append("<input type=\"hidden\" name=\"inutilise\" value=\"-\">")
                    .append("<button type=\"submit\">Me connecter en tant que ").append(HtmlUtils.htmlEscape(label))
                    .append("</button></form></li>");
        }
        html.append("</ul></main></body></html>");
        return html.toString();
    }
}
