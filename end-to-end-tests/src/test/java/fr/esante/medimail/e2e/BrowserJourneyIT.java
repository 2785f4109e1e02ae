package fr.esante.medimail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.local.EmbeddedPlatformInfrastructure;
import fr.esante.medimail.local.LocalPlatform;
import fr.esante.medimail.local.PlatformServices;
import fr.esante.medimail.testsupport.TestHttpClient;

/**
 * The professional's whole journey in a real browser (headless Chromium), on the five services running together:
 * every step of the procedure through the French pages, the e-mails read over IMAP, the staff decision through the
 * back-office API. Both paths: a professional with an RPPS, and one in training who gives a structure identifier,
 * is refused once and corrects the profile.
 */
class BrowserJourneyIT {

    private static final String PASSWORD = "Motdepasse-solide-2026";
    private static final Pattern LINK = Pattern.compile("https?://[^\"'<>\\s]+/confirmation\\?token=[A-Za-z0-9_%\\-]+");

    private static PlatformServices platform;
    private static Mailbox mailbox;
    private static String pages;
    private final TestHttpClient client = TestHttpClient.absoluteUrls();

    private ReviewerDesk reviewer() {
        return new ReviewerDesk(client, platform.baseUrl("backoffice-service"));
    }

    @BeforeAll
    static void startPlatform() {
        Browser.assertInstalled();
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
        platform = PlatformServices.start(new EmbeddedPlatformInfrastructure(infrastructure), true, LocalPlatform.localSettings());
        mailbox = new Mailbox("127.0.0.1", infrastructure.imapPort());
        pages = platform.baseUrl("registration-service");
        warmUp();
    }

    @AfterAll
    static void stopPlatform() {
        System.out.println("[pages] compressed first-load weight and time to interactive (headless Chromium):");
        Browser.FIGURES.forEach(figure -> System.out.println("[pages]   " + figure));
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aDentistWithAnRppsRegistersConfirmsCompletesTheProfileAndReachesTheValidatedAccount() {
        String email = "francois." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        try (Browser browser = new Browser(pages, "rpps")) {
            browser.open("/");
            browser.onPage("Créer un compte Medimail", "inscription");
            // A region where Medimail is not the chosen messaging: said before anything is typed.
            browser.choose("Région dans laquelle vous exercez", "Île-de-France (inscription non ouverte)");
            browser.awaitText("L’inscription en ligne n’est pas ouverte dans votre région");
            assertThat(browser.field("Nom").isEnabled()).isFalse();
            browser.choose("Région dans laquelle vous exercez", "Occitanie");
            browser.type("Nom", "Œuvray");
            browser.type("Prénom", "François");
            browser.type("Adresse e-mail nominative", email);
            assertThat(browser.text("#future-address-value")).isEqualTo("francois.oeuvray@<profession>.oc.mssante.fr");
            browser.type("Mot de passe", "court1");
            assertThat(browser.messagesOf("Mot de passe")).contains("au moins 12 caractères");
            browser.type("Confirmation du mot de passe", "autre-chose-2026");
            browser.press("Je valide");
            // The API's refusal next to the field, in French; what was typed is still there (passwords aside).
            browser.awaitMessageOf("Mot de passe", "12 caractères");
            browser.screenshot("inscription-erreurs");
            assertThat(browser.value("Nom")).isEqualTo("Œuvray");
            assertThat(browser.value("Adresse e-mail nominative")).isEqualTo(email);
            assertThat(browser.value("Mot de passe")).isEmpty();

            browser.type("Mot de passe", PASSWORD);
            browser.type("Confirmation du mot de passe", PASSWORD);
            browser.press("Je valide");
            browser.onPage("Vérifiez votre messagerie", "verifiez-vos-e-mails");
            assertThat(browser.value("Adresse e-mail")).isEqualTo(email);
            browser.press("Renvoyer le lien de confirmation");
            browser.awaitText("Demande prise en compte");

            confirmFromTheMail(browser, email, "confirmation");
            logIn(browser, email, "connexion");
            browser.onPage("Finaliser mon inscription", "profil");
            browser.tick("J’ai un numéro RPPS ou ADELI", true);
            browser.choose("Profession", "Chirurgien-dentiste");
            browser.choose("Spécialité", "Médecine bucco-dentaire");
            browser.awaitText("@chirurgien-dentiste.oc.mssante.fr");
            assertThat(browser.text("#address-preview-value")).matches("francois\\.oeuvray[0-9]*@chirurgien-dentiste\\.oc\\.mssante\\.fr.*");
            browser.choose("Type d’identifiant", "RPPS (11 chiffres)");
            // Checked as it is typed: a wrong key first, then the right number (a fictional dentist of the sample directory).
            browser.type("Identifiant RPPS", "99800000088");
            browser.awaitMessageOf("Identifiant RPPS", "Ce numéro RPPS n'est pas valide");
            browser.type("Identifiant RPPS", "99800000087");
            browser.awaitMessageOf("Identifiant RPPS", "Format et clé de contrôle corrects.");
            browser.tick("J’exerce mon activité en tant que libéral(e)", true);
            browser.type("Téléphone professionnel", "04 67 00 00 00");
            browser.type("Adresse", "2 place de la Comédie");
            browser.type("Code postal", "34000");
            browser.type("Ville", "Montpellier");
            assertThat(browser.value("Département")).isEqualTo("34");
            assertThat(browser.field("Région").getAttribute("value")).isEqualTo("76");
            assertThat(browser.field("Je souhaite que mon adresse apparaisse dans l’annuaire Medimail").isSelected()).isTrue();
            assertThat(browser.field("Je souhaite dématérialiser tous mes échanges et ne plus recevoir de papier").isSelected()).isTrue();
            browser.screenshot("profil-rempli");
            browser.press("Je valide");

            browser.onPage("Ma demande de compte", "ma-demande");
            String address = browser.awaitRequestStatus("En cours de validation par le centre de services");
            assertThat(address).matches("francois\\.oeuvray[0-9]*@chirurgien-dentiste\\.oc\\.mssante\\.fr");
            browser.screenshot("ma-demande-en-validation");

            reviewer().approvePendingRequestOf(email);
            browser.awaitRequestStatus("Compte validé");
            browser.follow("Accéder à mon compte");
            browser.onPage("Mon compte Medimail", "mon-compte");
            browser.awaitText(address);
            assertThat(browser.text("main")).contains("Boîte aux lettres personnelle (PER)");
            assertThat(browser.value("Téléphone professionnel")).isEqualTo("0467000000");

            // The session opened before validation only follows the registration: the account is used after signing in
            // again with the e-mailed code and the terms.
            logOut(browser);
            logInOnceValidated(browser, email);
            browser.awaitText(address);
            browser.type("Deuxième numéro de téléphone", "06 12 34 56 78");
            browser.tick("Je souhaite que mon adresse apparaisse dans l’annuaire Medimail", false);
            browser.press("Enregistrer mes coordonnées");
            browser.awaitText("Coordonnées enregistrées");
            browser.assertInteractiveInUnderASecond();
        }
    }

    @Test
    void aProfessionalInTrainingGivesAStructureIsRefusedOnceCorrectsTheProfileAndGetsAnInternalMailbox() {
        String email = "sofia." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        try (Browser browser = new Browser(pages, "formation")) {
            browser.open("/");
            browser.onPage("Créer un compte Medimail", "inscription");
            browser.choose("Région dans laquelle vous exercez", "Occitanie");
            browser.type("Nom", "Rossi");
            browser.type("Prénom", "Sofia");
            browser.type("Adresse e-mail nominative", email);
            browser.type("Mot de passe", PASSWORD);
            browser.type("Confirmation du mot de passe", PASSWORD);
            browser.press("Je valide");
            browser.onPage("Vérifiez votre messagerie", "verifiez-vos-e-mails");

            confirmFromTheMail(browser, email, "confirmation");
            logIn(browser, email, "connexion");
            browser.onPage("Finaliser mon inscription", "profil");
            browser.tick("Je suis étranger ou en formation", true);
            browser.choose("Type d’identifiant", "FINESS de l’établissement (9 caractères)");
            browser.choose("Profession", "Infirmier");
            assertThat(browser.field("Spécialité").isEnabled()).as("nurses have their TRE_R38 specialties (IADE, IBODE…)").isTrue();
            // Well-formed but unknown to the directory: accepted by the form, refused by the identity check.
            browser.type("Numéro FINESS", "310000021");
            browser.awaitMessageOf("Numéro FINESS", "Format et clé de contrôle corrects.");
            browser.type("Téléphone professionnel", "0561000001");
            browser.press("Je valide");
            // What the API refuses is shown next to the field concerned.
            browser.awaitMessageOf("Adresse", "L'adresse est obligatoire.");
            assertThat(browser.value("Numéro FINESS")).isEqualTo("310000021");
            browser.type("Adresse", "Centre hospitalier fictif, place du Docteur Baylac");
            browser.type("Code postal", "31059");
            browser.type("Ville", "Toulouse");
            browser.type("Raison sociale", "Centre hospitalier fictif");
            browser.type("Service de rattachement", "Urgences");
            browser.press("Je valide");

            browser.onPage("Ma demande de compte", "ma-demande");
            browser.awaitRequestStatus("Identité professionnelle non vérifiée");
            assertThat(browser.text("#refusal-reason")).isNotBlank().doesNotContain("NOT_FOUND");
            browser.screenshot("ma-demande-refusee");
            browser.follow("Corriger mon profil professionnel");
            browser.onPage("Finaliser mon inscription", "profil-correction");
            browser.awaitText("Votre demande doit être corrigée");
            assertThat(browser.value("Numéro FINESS")).isEqualTo("310000021");
            assertThat(browser.value("Raison sociale")).isEqualTo("Centre hospitalier fictif");
            browser.type("Numéro FINESS", "310000013");
            browser.press("Je valide");

            browser.onPage("Ma demande de compte", "ma-demande-corrigee");
            String address = browser.awaitRequestStatus("En cours de validation par le centre de services");
            assertThat(address).matches("sofia\\.rossi[0-9]*@infirmier\\.oc\\.mssante\\.fr");
            assertThat(browser.text("main")).contains("boîte aux lettres interne, INT");

            reviewer().approvePendingRequestOf(email);
            browser.awaitRequestStatus("Compte validé");
            browser.follow("Accéder à mon compte");
            browser.onPage("Mon compte Medimail", "mon-compte-int");
            browser.awaitText("J’ai reçu mon numéro RPPS");
            assertThat(browser.text("main")).contains(address, "Boîte aux lettres interne (INT)");

            logOut(browser);
            logInOnceValidated(browser, email);
            browser.awaitText("J’ai reçu mon numéro RPPS");
            assertThat(browser.text("main")).contains(address, "Boîte aux lettres interne (INT)");
            browser.assertInteractiveInUnderASecond();
        }
    }

    @Test
    void aValidatedAccountRequestsAnOrgMailboxSeesItsAddressOnceApprovedGivesAColleagueAccessAndTakesItAway() {
        RegistrationJourney owner = validatedIntAccount("Agathe", "Orgnavigateur");
        RegistrationJourney colleague = validatedIntAccount("Bruno", "Orgcollegue");
        String label = "Secrétariat " + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6);
        String address = "secretariat-" + label.substring("Secrétariat ".length()) + "@finess-340000017.oc.mssante.fr";
        try (Browser browser = new Browser(pages, "org")) {
            logInOnceValidated(browser, owner.email);
            browser.follow("Boîtes organisationnelles");
            browser.onPage("Boîtes organisationnelles", "boites-organisationnelles");
            browser.awaitText("Vous n’avez encore demandé aucune boîte organisationnelle.");
            browser.press("Demander la boîte");
            browser.awaitMessageOf("Libellé de la boîte", "Le libellé de la boîte organisationnelle est obligatoire.");
            browser.type("Libellé de la boîte", label);
            browser.tick("FINESS", true);
            browser.type("Numéro de la structure", "340000017");
            browser.type("Usage prévu", "Recevoir les comptes rendus adressés au secrétariat");
            browser.press("Demander la boîte");
            browser.awaitText("Demande envoyée");
            browser.awaitText("En cours de validation par le centre de services");

            reviewer().approvePendingRequestOf(owner.email);
            browser.awaitText("Ouverte");
            assertThat(browser.text("main")).contains(label, "Adresse : " + address);
            browser.screenshot("boites-organisationnelles-ouverte");

            browser.type("Adresse e-mail du professionnel", colleague.email);
            browser.press("Donner accès");
            browser.awaitText("Accès donné");
            browser.awaitText("Ont accès :");
            assertThat(browser.text("main")).contains(colleague.email);

            browser.press("Retirer");
            browser.awaitText("Accès retiré");
            assertThat(browser.text("main")).contains(colleague.email + " n’a plus accès à la boîte « " + label + " »")
                    .doesNotContain("Ont accès :");
        }
        assertThat(mailbox.awaitMail(colleague.email, "vous avez accès à une boîte organisationnelle").body()).contains(address);
        assertThat(mailbox.awaitMail(colleague.email, "a été retiré").body()).contains(address);
    }

    /** A validated INT account made over the API (FINESS 310000013: no RPPS to keep unique in this JVM). */
    private RegistrationJourney validatedIntAccount(String firstName, String lastName) {
        RegistrationJourney journey = new RegistrationJourney(platform, mailbox, firstName, lastName);
        journey.register();
        journey.confirmEmailFromTheLinkInTheMail();
        journey.logIn();
        journey.submitProfile("FOREIGN_OR_IN_TRAINING", "FINESS", "310000013", "60");
        journey.awaitStatus("VALIDATION_PENDING");
        journey.approveAsReviewer(LocalPlatform.SEEDED_REVIEWER, "agent");
        journey.awaitStatus("VALIDATED");
        return journey;
    }

    @Test
    void staffPagesCarryTheSafetyHeadersAndTheTwoPublicEndpointsAcceptOnlyThePagesOrigin() {
        TestHttpClient.Answer login = client.get(platform.baseUrl("backoffice-service") + "/login", Map.of());
        assertThat(login.header("Content-Security-Policy").orElse("")).contains("script-src 'self';", "frame-ancestors 'none'");
        assertThat(login.header("X-Frame-Options")).hasValue("DENY");
        assertThat(login.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.header("Referrer-Policy")).hasValue("same-origin");

        String identifierChecks = platform.baseUrl("identity-verification-service") + "/api/v1/identifier-checks";
        for (String origin : List.of(pages, "https://elsewhere.example")) {
            TestHttpClient.Answer preflight = client.send(client.request(identifierChecks, Map.of("Origin", origin,
                            "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"))
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(preflight.header("Access-Control-Allow-Origin")).as(origin)
                    .isEqualTo(origin.equals(pages) ? java.util.Optional.of(pages) : java.util.Optional.empty());
            assertThat(preflight.header("Access-Control-Allow-Credentials")).isEmpty();
        }
    }

    // ---------------------------------------------------------------- steps shared by both paths

    private void confirmFromTheMail(Browser browser, String email, String screenshot) {
        Mailbox.Mail mail = mailbox.awaitMail(email, "confirmez votre adresse");
        assertThat(mail.from()).contains("cerbere@mipih.fr");
        // Several links when the user asked for another one: the most recent mail's link is the valid one.
        List<Mailbox.Mail> mails = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.read(email), m -> !m.isEmpty());
        Matcher link = LINK.matcher(mails.get(mails.size() - 1).body());
        assertThat(link.find()).as("confirmation link in: " + mail.body()).isTrue();
        browser.open(link.group());
        browser.onPage("Confirmation de votre adresse e-mail", screenshot);
        browser.awaitText("Votre adresse e-mail est confirmée");
        assertThat(browser.path()).as("the token left the address bar").isEqualTo("/confirmation");
        browser.follow("Se connecter");
    }

    private void logIn(Browser browser, String email, String screenshot) {
        browser.onPage("Se connecter à Medimail", screenshot);
        browser.type("Adresse e-mail", email);
        browser.type("Mot de passe", PASSWORD);
        // Keyboard only: Enter in the password field submits, as it would for anyone not using a mouse.
        browser.field("Mot de passe").sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    /**
     * A validated account signs in: password, then the one-time code e-mailed to it (a wrong code first, then a new code
     * asked for and used), then the terms of use the first time.
     */
    private void logInOnceValidated(Browser browser, String email) {
        browser.open("/connexion");
        logIn(browser, email, "connexion-compte-valide");
        browser.onPage("Saisissez votre code de connexion", "code");
        String first = awaitOneTimeCode(email, 1);
        browser.type("Code reçu par e-mail", first.equals("000000") ? "111111" : "000000");
        browser.press("Valider le code");
        browser.awaitMessageOf("Code reçu par e-mail", "Code incorrect. Il vous reste 4 essais.");
        assertThat(browser.path()).isEqualTo("/connexion/code");
        browser.screenshot("code-errone");
        browser.type("Code reçu par e-mail", first);
        browser.press("Valider le code");
        browser.onPage("Conditions générales d’utilisation", "conditions-utilisation");
        browser.awaitText("Version");
        browser.press("J’accepte les conditions");
        browser.awaitMessageOf("J’ai lu et j’accepte les conditions générales d’utilisation", "Cochez la case");
        browser.tick("J’ai lu et j’accepte les conditions générales d’utilisation", true);
        browser.press("J’accepte les conditions");
        browser.onPage("Mon compte Medimail", "mon-compte-reconnexion");
    }

    /** The six digits of the {@code n}-th one-time code mail the account received, read over IMAP. */
    private String awaitOneTimeCode(String email, int n) {
        Pattern code = Pattern.compile("code de connexion[^0-9]{0,80}([0-9]{6})");
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            List<String> codes = new java.util.ArrayList<>();
            for (Mailbox.Mail mail : mailbox.read(email)) {
                Matcher m = code.matcher(mail.body());
                if (m.find()) {
                    codes.add(m.group(1));
                }
            }
            return codes.size() >= n ? codes.get(n - 1) : null;
        }, c -> c != null);
    }

    private void logOut(Browser browser) {
        browser.follow("Se déconnecter");
        browser.onPage("Déconnexion", "deconnexion");
        browser.awaitText("Vous êtes déconnecté");
        assertThat(browser.sessionItem("medimail.accessToken")).isNull();
    }



    /** First requests of a freshly started JVM compile templates and load classes: that is not the page's speed. */
    private static void warmUp() {
        TestHttpClient client = TestHttpClient.absoluteUrls();
        for (String path : List.of("/", "/inscription/verifiez-vos-e-mails", "/confirmation", "/connexion", "/connexion/code",
                "/conditions-utilisation", "/deconnexion", "/mot-de-passe/oublie", "/mot-de-passe/reinitialiser", "/profil",
                "/ma-demande", "/mon-compte", "/boites-organisationnelles", "/api/v1/regions", "/api/v1/professions")) {
            assertThat(client.get(pages + path, Map.of()).status()).as(path).isEqualTo(200);
        }
    }
}
