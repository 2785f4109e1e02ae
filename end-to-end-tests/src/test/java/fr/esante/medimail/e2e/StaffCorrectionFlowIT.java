package fr.esante.medimail.e2e;

import static fr.esante.medimail.testsupport.TestHttpClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.events.DirectoryEntry;
import fr.esante.medimail.local.EmbeddedPlatformInfrastructure;
import fr.esante.medimail.local.LocalPlatform;
import fr.esante.medimail.local.PlatformServices;
import fr.esante.medimail.testsupport.TestHttpClient;
import tools.jackson.databind.JsonNode;

/**
 * Staff (ADMIN) correct a validated account's contact details or names with the five services running:
 * registration-service applies the correction (the holder sees it), and the directory feed carries the new entry; over
 * the API, then from the account page in headless Chromium.
 */
class StaffCorrectionFlowIT {

    private static final String STAFF = LocalPlatform.SEEDED_REVIEWER;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static EmbeddedInfrastructure infrastructure;
    private static PlatformServices platform;
    private static Mailbox mailbox;

    @BeforeAll
    static void startPlatform() {
        Browser.assertInstalled();
        infrastructure = EmbeddedInfrastructure.shared();
        Map<String, Map<String, Object>> settings = new HashMap<>(LocalPlatform.localSettings());
        Map<String, Object> backoffice = new HashMap<>(settings.get("backoffice-service"));
        backoffice.put("medimail.backoffice.staff[0].roles", "REVIEWER,ADMIN"); // corrections are for ADMIN
        settings.put("backoffice-service", backoffice);
        platform = PlatformServices.start(new EmbeddedPlatformInfrastructure(infrastructure), true, settings);
        mailbox = new Mailbox("127.0.0.1", infrastructure.imapPort());
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @Test
    void anAdminCorrectsThePhoneAndAddressTheHolderSeesThemAndTheDirectoryFeedCarriesThem() {
        RegistrationJourney holder = new RegistrationJourney(platform, mailbox, "Agathe", "Corrigee");
        holder.validatedBy(STAFF, "agent", "FOREIGN_OR_IN_TRAINING", "FINESS", "310000013", "60");
        String address = holder.awaitStatus("VALIDATED").get("mssAddress").asString();
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> replayDirectory().get(address), Objects::nonNull);

        TestHttpClient.Answer corrected = holder.client().send("POST", holder.url("backoffice-service")
                + "/api/v1/accounts/" + holder.registrationId + "/contact-correction", Map.of(
                "phone", "+33 5 62 11 22 33",
                "address", Map.of("line", "2 place du Capitole", "postalCode", "31000", "city", "Toulouse",
                        "region", "76", "department", "31")), basic(STAFF, "agent"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(202);

        JsonNode profile = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> holder.me().get("profile"), p -> "0562112233".equals(p.get("phone").asString()));
        assertThat(profile.get("address").get("line").asString()).isEqualTo("2 place du Capitole");
        DirectoryEntry entry = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> replayDirectory().get(address), e -> e != null && "0562112233".equals(e.getPhone()));
        assertThat(entry.getAddressLine()).isEqualTo("2 place du Capitole");
        assertThat(entry.getPostalCode()).isEqualTo("31000");
        assertThat(entry.getLastName()).as("names untouched").isEqualTo("Corrigee");
        assertThat(holder.me().get("mssAddress").asString()).as("the address never changes").isEqualTo(address);

        // The same from the account page, in a browser.
        try (Browser browser = accountPageOfAnAdmin(holder, "staff-correction", "Compte de Agathe Corrigee")) {
            assertThat(browser.value("Téléphone")).isEqualTo("0562112233");
            browser.type("Téléphone", "05 63 00 11 22");
            browser.press("Enregistrer la correction");
            browser.awaitText("Correction enregistrée");
        }
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> replayDirectory().get(address), e -> e != null && "0563001122".equals(e.getPhone()));
        assertThat(holder.me().get("profile").get("phone").asString()).isEqualTo("0563001122");
    }

    @Test
    void anAdminCorrectsTheNamesTheIdentityIsCheckedAgainAndOnceApprovedTheDirectoryCarriesThemAtTheSameAddress() {
        RegistrationJourney holder = new RegistrationJourney(platform, mailbox, "Agathe", "Renommee");
        String firstReview = holder.validatedBy(STAFF, "agent", "FOREIGN_OR_IN_TRAINING", "FINESS", "310000013", "60")
                .get("id").asString();
        String address = holder.awaitStatus("VALIDATED").get("mssAddress").asString();
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> replayDirectory().get(address), Objects::nonNull);

        // From the account page, in a browser, the way an administrator does it.
        try (Browser browser = accountPageOfAnAdmin(holder, "staff-name-correction", "Compte de Agathe Renommee")) {
            assertThat(browser.value("Nom")).as("prefilled").isEqualTo("Renommee");
            browser.type("Nom", "Renommée-Martin");
            browser.type("Motif (facultatif)", "Nom d'usage");
            browser.press("Corriger le nom et le prénom");
            browser.awaitText("Correction des nom et prénom envoyée");
        }

        // registration-service applies them (the holder sees them, the mailbox keeps working) and tells the holder.
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> holder.me(), me -> "Renommée-Martin".equals(me.get("lastName").asString()));
        assertThat(holder.me().get("status").asString()).isEqualTo("VALIDATED");
        assertThat(mailbox.awaitMail(holder.email, "vos nom et prénom ont été corrigés").body())
                .contains("Renommée-Martin", address);

        // The identity is checked again, then the account is back in the queue; the directory keeps the validated names.
        String recheck = holder.approveAsReviewer(STAFF, "agent").get("id").asString();
        assertThat(recheck).isNotEqualTo(firstReview);
        DirectoryEntry entry = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> replayDirectory().get(address), e -> e != null && "Renommée-Martin".equals(e.getLastName()));
        assertThat(entry.getMssAddress()).as("never derived again").isEqualTo(address);
        assertThat(holder.me().get("mssAddress").asString()).isEqualTo(address);
        toldTheCorrectionIsConfirmedNotAnotherValidation(holder, "Renommée-Martin", address);

        // Names registration-service's rule refuses: the back office sends them, registration-service refuses them
        // back, and staff read why in the account's history.
        TestHttpClient.Answer refused = holder.client().send("POST", holder.url("backoffice-service")
                + "/api/v1/accounts/" + holder.registrationId + "/name-correction", Map.of(
                "lastName", "Renommée2", "firstName", "Agathe"), basic(STAFF, "agent"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(202);
        JsonNode refusal = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> auditRecord(holder, "NAME_CORRECTION_REFUSED"), Objects::nonNull);
        assertThat(refusal.get("after").get("field").asString()).isEqualTo("LAST_NAME");
        assertThat(refusal.get("after").get("problem").asString()).isEqualTo("CHARACTERS");
        assertThat(holder.me().get("lastName").asString()).isEqualTo("Renommée-Martin");
    }

    private static JsonNode auditRecord(RegistrationJourney holder, String action) {
        TestHttpClient.Answer records = holder.client().send("GET", holder.url("backoffice-service")
                + "/api/v1/audit-records?subjectId=" + holder.registrationId, null, basic(STAFF, "agent"));
        for (JsonNode record : records.json()) {
            if (action.equals(record.get("action").asString())) {
                return record;
            }
        }
        return null;
    }

    /**
     * Names the directory contradicts: the identity check does not refuse them (a refusal of a validated account reaches
     * nobody), it asks a reviewer, whose confirmation puts the account back in the queue.
     */
    @Test
    void namesTheDirectoryContradictsReachAnIdentityReviewerThenTheQueueAndOnceApprovedTheDirectory() {
        // RPPS 99800000103 is Camille SICARD, médecin, in the sample directory; no other end-to-end test claims it.
        RegistrationJourney holder = new RegistrationJourney(platform, mailbox, "Camille", "Sicard");
        String firstReview = holder.validatedBy(STAFF, "agent", "NATIONAL_ID", "RPPS", "99800000103", "10").get("id").asString();
        String address = holder.awaitStatus("VALIDATED").get("mssAddress").asString();
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> replayDirectory().get(address), Objects::nonNull);

        TestHttpClient.Answer corrected = holder.client().send("POST", holder.url("backoffice-service")
                + "/api/v1/accounts/" + holder.registrationId + "/name-correction", Map.of(
                "lastName", "Lefebvre", "firstName", "Claire", "reason", "Changement d'état civil"), basic(STAFF, "agent"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(202);

        JsonNode identityReview = holder.confirmIdentityAsReviewer(STAFF, "agent");
        assertThat(identityReview.get("reason").asString()).isEqualTo("NAME_MISMATCH");
        assertThat(identityReview.get("declaredLastName").asString()).isEqualTo("Lefebvre");
        assertThat(identityReview.get("directoryLastName").asString()).isEqualTo("SICARD");
        assertThat(identityReview.get("detail").asString()).contains("corrected by staff");
        assertThat(holder.me().get("status").asString()).as("still validated meanwhile").isEqualTo("VALIDATED");

        String recheck = holder.approveAsReviewer(STAFF, "agent").get("id").asString();
        assertThat(recheck).isNotEqualTo(firstReview);
        DirectoryEntry entry = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> replayDirectory().get(address), e -> e != null && "Lefebvre".equals(e.getLastName()));
        assertThat(entry.getFirstName()).isEqualTo("Claire");
        assertThat(entry.getMssAddress()).as("never derived again").isEqualTo(address);
        assertThat(holder.me().get("mssAddress").asString()).isEqualTo(address);
        toldTheCorrectionIsConfirmedNotAnotherValidation(holder, "Claire Lefebvre", address);
    }

    /** A browser in which an administrator signed in to the back office and opened the holder's account page. */
    private static Browser accountPageOfAnAdmin(RegistrationJourney holder, String screenshots, String heading) {
        Browser browser = new Browser(holder.url("backoffice-service"), screenshots);
        try {
            browser.open("/login");
            browser.onPage("Connexion au back-office", "login");
            browser.type("Identifiant", STAFF);
            browser.type("Mot de passe", "agent");
            browser.press("Se connecter");
            browser.onPage("Demandes à valider", "queue");
            browser.open("/accounts/" + holder.registrationId);
            browser.onPage(heading, "account");
            return browser;
        } catch (RuntimeException | AssertionError e) {
            browser.close(); // the caller's try-with-resources never got it
            throw e;
        }
    }

    /** The e-mail after the corrected names' approval: not a second « votre compte est validé » with first sign-in steps. */
    private static void toldTheCorrectionIsConfirmedNotAnotherValidation(RegistrationJourney holder, String names, String address) {
        assertThat(mailbox.awaitMail(holder.email, "la correction de vos nom et prénom est validée").body())
                .contains(names, address).doesNotContain("conditions générales");
        try {
            assertThat(mailbox.read(holder.email)).filteredOn(mail -> mail.subject().contains("votre compte est validé"))
                    .as("validation e-mails").hasSize(1);
        } catch (Exception e) {
            throw new AssertionError("The holder's mailbox could not be read", e);
        }
    }

    private static Map<String, DirectoryEntry> replayDirectory() {
        return DirectoryFeed.replay(infrastructure.kafkaBootstrapServers());
    }
}
