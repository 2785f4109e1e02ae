package fr.esante.medimail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.local.EmbeddedPlatformInfrastructure;
import fr.esante.medimail.local.LocalPlatform;
import fr.esante.medimail.local.PlatformServices;
import fr.esante.medimail.testsupport.TestHttpClient;

/**
 * The service desk's pages in a real browser (headless Chromium) on the five services running together: two
 * professionals registered through the API wait for validation; a reviewer signs in, finds each one in the queue by a
 * search, reads the whole file (declarations, identity evidence, proposed address, history), rejects the first with a
 * reason from the list plus free text (which the professional receives by e-mail) and approves the second. Every page
 * is checked with axe-core, as the professional's pages are.
 */
class StaffPagesBrowserIT {

    private static PlatformServices platform;
    private static Mailbox mailbox;
    private static String backoffice;

    @BeforeAll
    static void startPlatform() {
        Browser.assertInstalled();
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
        platform = PlatformServices.start(new EmbeddedPlatformInfrastructure(infrastructure), true, LocalPlatform.localSettings());
        mailbox = new Mailbox("127.0.0.1", infrastructure.imapPort());
        backoffice = platform.baseUrl("backoffice-service");
        TestHttpClient client = TestHttpClient.absoluteUrls();
        for (String path : List.of("/login", "/dsfr/VERSION")) {
            assertThat(client.get(backoffice + path, Map.of()).status()).as(path).isEqualTo(200);
        }
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aReviewerFindsReadsRejectsAndApprovesApplicationsInTheStaffPages() throws IOException {
        // Fictional doctors of the sample directory (helper D's RPPS range).
        RegistrationJourney helene = pendingValidation("Hélène", "Lacombe", "99800030019");
        RegistrationJourney bastien = pendingValidation("Bastien", "Arnaud", "99800030027");

        try (Browser browser = new Browser(backoffice, "staff")) {
            browser.open("/reviews");
            browser.onPage("Connexion au back-office", "login");
            browser.type("Identifiant", LocalPlatform.SEEDED_REVIEWER);
            browser.type("Mot de passe", "agent");
            browser.press("Se connecter");
            browser.onPage("Demandes à valider", "queue");

            // Found by her e-mail; her file tells what she declared and what the directory said.
            browser.type("Recherche (nom, e-mail, RPPS, adresse)", helene.email);
            browser.press("Filtrer");
            browser.awaitText(helene.email);
            assertThat(browser.text("main")).doesNotContain(bastien.email).contains("1 demande(s) en attente");
            browser.screenshot("queue-search");
            browser.follow("Dossier complet");
            browser.awaitText("Ce que le professionnel a déclaré");
            String heading = browser.text("h1");
            assertThat(heading).startsWith("Dossier de Hélène");
            browser.onPage(heading, "review-detail");
            assertThat(browser.text("main")).contains(helene.email, "RPPS 99800030019",
                    "Extraction de l'annuaire national importée le", "CABINET MEDICAL FICTIF", "@medecin.oc.mssante.fr",
                    "Profil soumis le", "en attente de validation");
            copyToDocs(browser, "staff-review-detail");

            browser.choose("Motif du refus (envoyé au demandeur)",
                    "Votre rattachement à la structure indiquée n'a pas pu être confirmé.");
            browser.type("Précisions (facultatives avec un motif de la liste)", "Joignez une attestation de votre cabinet.");
            browser.pressAndConfirm("Refuser la demande");
            browser.onPage("Demandes à valider", "queue-after-rejection");
            browser.awaitText("refusée : le motif lui est envoyé par e-mail");
            assertThat(mailbox.awaitMail(helene.email, "n'a pas été acceptée").body())
                    .contains("Votre rattachement à la structure indiquée n'a pas pu être confirmé.")
                    .contains("Joignez une attestation de votre cabinet.");
            helene.awaitStatus("REJECTED");

            // Found by his RPPS; approved from his file.
            browser.type("Recherche (nom, e-mail, RPPS, adresse)", "99800030027");
            browser.press("Filtrer");
            browser.awaitText(bastien.email);
            browser.follow("Dossier complet");
            browser.awaitText("Ce que le professionnel a déclaré");
            browser.pressAndConfirm("Valider le compte");
            browser.onPage("Demandes à valider", "queue-after-approval");
            browser.awaitText("validé : l'adresse");
            bastien.awaitStatus("VALIDATED");

            // The history now shows both decisions, by whom.
            browser.follow("Journal des actions");
            browser.onPage("Journal des actions du centre de services", "audit");
            assertThat(browser.text("main")).contains("Demande refusée", "Compte validé", LocalPlatform.SEEDED_REVIEWER);
        }
    }

    private RegistrationJourney pendingValidation(String firstName, String lastName, String rpps) {
        RegistrationJourney journey = new RegistrationJourney(platform, mailbox, firstName, lastName);
        journey.register();
        journey.confirmEmailFromTheLinkInTheMail();
        journey.logIn();
        journey.submitProfile("NATIONAL_ID", "RPPS", rpps, "10");
        journey.awaitStatus("VALIDATION_PENDING");
        return journey;
    }

    /** The README's screenshot of the staff pages comes from this run (docs/screenshots, like the journey's). */
    private static void copyToDocs(Browser browser, String name) throws IOException {
        browser.screenshot(name);
        try (var shots = Files.list(Browser.SCREENSHOTS)) {
            Path shot = shots.filter(p -> p.getFileName().toString().startsWith("staff-") && p.getFileName().toString().endsWith(name + ".png"))
                    .findFirst().orElseThrow();
            Path docs = Path.of("..", "docs", "screenshots");
            if (Files.isDirectory(docs)) {
                Files.copy(shot, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
