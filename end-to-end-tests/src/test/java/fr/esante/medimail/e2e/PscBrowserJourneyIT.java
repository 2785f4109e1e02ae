package fr.esante.medimail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import fr.esante.medimail.testsupport.TestHttpClient;
import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.local.EmbeddedPlatformInfrastructure;
import fr.esante.medimail.local.LocalPlatform;
import fr.esante.medimail.local.PlatformServices;
import fr.esante.medimail.pscstandin.PscStandInApplication;

/**
 * Pro Santé Connect in a real browser (headless Chromium), on the five services and the PSC stand-in: sign-up with
 * PSC (names and RPPS vouched, e-mail typed and confirmed), the profile checked without any directory, staff
 * validation through the back-office API, then sign-in by PSC alone (no e-mailed code) and the terms of use.
 */
class PscBrowserJourneyIT {

    private static final Pattern LINK = Pattern.compile("https?://[^\"'<>\\s]+/confirmation\\?token=[A-Za-z0-9_%\\-]+");

    private static PlatformServices platform;
    private static ConfigurableApplicationContext standIn;
    private static Mailbox mailbox;
    private static String pages;
    private final TestHttpClient client = TestHttpClient.absoluteUrls();

    private ReviewerDesk reviewer() {
        return new ReviewerDesk(client, platform.baseUrl("backoffice-service"));
    }

    @BeforeAll
    static void startPlatformAndProvider() throws Exception {
        Browser.assertInstalled();
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
        int standInPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            standInPort = socket.getLocalPort();
        }
        String issuer = "http://127.0.0.1:" + standInPort;
        Map<String, Map<String, Object>> settings = new HashMap<>(LocalPlatform.localSettings());
        settings.put("registration-service", Map.of("medimail.psc.enabled", true, "medimail.psc.issuer-uri", issuer,
                "medimail.psc.client-id", "medimail-local", "medimail.psc.client-secret", "medimail-local-secret"));
        platform = PlatformServices.start(new EmbeddedPlatformInfrastructure(infrastructure), true, settings);
        pages = platform.baseUrl("registration-service");
        // The provider knows the callback of the port the registration service got.
        standIn = PscStandInApplication.application().run("--server.port=" + standInPort, "--psc-stand-in.issuer=" + issuer,
                "--psc-stand-in.redirect-uris[0]=" + pages + "/psc/callback");
        mailbox = new Mailbox("127.0.0.1", infrastructure.imapPort());
    }

    @AfterAll
    static void stopPlatform() {
        if (standIn != null) {
            standIn.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aDentistSignsUpWithPscIsValidatedAndSignsInWithPscAlone() throws Exception {
        // Théo GARNIER, 99800040604, chirurgien-dentiste: in no directory, PSC vouches for him and asserts no e-mail.
        String email = "theo.garnier." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        try (Browser browser = new Browser(pages, "psc")) {
            browser.open("/");
            browser.onPage("Créer un compte Medimail", "psc-inscription");
            browser.follow("S’identifier avec Pro Santé Connect");
            pickAtTheProvider(browser);

            browser.onPage("Connexion avec Pro Santé Connect", "psc-retour-inscription");
            browser.awaitText("99800040604");
            assertThat(browser.text("#psc-last-name")).isEqualTo("GARNIER");
            assertThat(browser.path()).as("the hand-off code left the address bar").isEqualTo("/psc/retour");
            browser.type("Adresse e-mail", email);
            browser.choose("Région d’exercice", "Occitanie");
            browser.press("Créer mon compte");
            browser.onPage("Vérifiez votre messagerie", "psc-verifiez-vos-e-mails");

            confirmFromTheMail(browser, email);
            browser.onPage("Se connecter à Medimail", "psc-connexion");
            browser.follow("S’identifier avec Pro Santé Connect");
            // Still signed in at the provider: straight back, into the account just created.
            browser.onPage("Finaliser mon inscription", "psc-profil");
            // Pre-filled with what PSC vouched for.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "99800040604".equals(browser.value("Identifiant RPPS")));
            assertThat(browser.field("Profession").getAttribute("value")).isEqualTo("40");
            browser.tick("J’ai un numéro RPPS ou ADELI", true);
            browser.choose("Profession", "Chirurgien-dentiste");
            browser.choose("Type d’identifiant", "RPPS (11 chiffres)");
            browser.type("Identifiant RPPS", "99800040604");
            browser.awaitMessageOf("Identifiant RPPS", "Format et clé de contrôle corrects.");
            browser.tick("J’exerce mon activité en tant que libéral(e)", true);
            browser.type("Téléphone professionnel", "04 67 00 00 01");
            browser.type("Adresse", "3 place de la Comédie");
            browser.type("Code postal", "34000");
            browser.type("Ville", "Montpellier");
            browser.press("Je valide");

            // No directory knows him: only PSC's word gets the profile to the reviewers.
            browser.onPage("Ma demande de compte", "psc-ma-demande");
            String address = browser.awaitRequestStatus("En cours de validation par le centre de services");
            assertThat(address).matches("theo\\.garnier[0-9]*@chirurgien-dentiste\\.oc\\.mssante\\.fr");
            reviewer().approvePendingRequestOf(email);
            browser.awaitRequestStatus("Compte validé");

            browser.follow("Se déconnecter");
            browser.onPage("Déconnexion", "psc-deconnexion");
            browser.open("/connexion");
            browser.onPage("Se connecter à Medimail", "psc-connexion-compte-valide");
            browser.follow("S’identifier avec Pro Santé Connect");
            // PSC is the second factor: no code page, the terms of use first.
            browser.onPage("Conditions générales d’utilisation", "psc-conditions-utilisation");
            browser.tick("J’ai lu et j’accepte les conditions générales d’utilisation", true);
            browser.press("J’accepte les conditions");
            browser.onPage("Mon compte Medimail", "psc-mon-compte");
            browser.awaitText(address);
            assertThat(mailbox.read(email)).noneMatch(mail -> mail.body().contains("code de connexion"));
        }
    }

    private static void pickAtTheProvider(Browser browser) {
        browser.awaitHeading("Qui êtes-vous ?");
        browser.screenshot("psc-fournisseur-de-test");
        browser.press("Me connecter en tant que Théo GARNIER - RPPS 99800040604 - profession 40");
    }

    private void confirmFromTheMail(Browser browser, String email) {
        Mailbox.Mail mail = mailbox.awaitMail(email, "confirmez votre adresse");
        Matcher link = LINK.matcher(mail.body());
        assertThat(link.find()).as("confirmation link in: " + mail.body()).isTrue();
        browser.open(link.group());
        browser.onPage("Confirmation de votre adresse e-mail", "psc-confirmation");
        browser.awaitText("Votre adresse e-mail est confirmée");
        browser.follow("Se connecter");
    }


}
