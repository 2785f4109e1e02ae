package fr.esante.medimail.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.AccountRejected;
import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.events.ContactDetailsChanged;
import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.testsupport.TestHttpClient;

/** The French staff page, as a browser uses it: login form, session cookie, CSRF-protected buttons. */
class StaffPagesIT extends BackofficeIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aReviewerLogsInSeesThePendingReviewsAndApprovesOrRejectsFromThePage() {
        Applicants.Applicant toApprove = Applicants.durand();
        Applicants.Applicant toReject = Applicants.leGallInTraining();
        String approveId = queued(toApprove).get("id").asString();
        String rejectId = queued(toReject).get("id").asString();
        Browser browser = new Browser();
        browser.logIn(REVIEWER, REVIEWER_PASSWORD);

        Response page = browser.get("/reviews");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"fr\"").contains("Demandes à valider")
                .contains(toApprove.profile().getEmail()).contains(toApprove.address().getAddress())
                .contains("Médecin (10)").contains("RPPS 99800000012")
                // The labels come from registration-service's events: the filter offers the professions it sent.
                .contains("<option value=\"10\">Médecin (10)</option>").contains("<option value=\"60\">Infirmier (60)</option>")
                .contains(toReject.address().getAddress()).contains("Liste rouge").contains("310000013")
                .contains("Valider le compte").contains("Refuser la demande");

        Response approved = browser.post("/reviews/" + approveId + "/approval", Map.of());
        assertThat(approved.status()).isEqualTo(302);
        assertThat(browser.get("/reviews").body()).contains("Compte de Jean DURAND validé")
                .doesNotContain(toApprove.profile().getEmail());
        AccountValidated validated = awaitEvents(Topics.ACCOUNT_VALIDATED, toApprove.accountId()).get(0);
        assertThat(validated.getValidatedBy()).isEqualTo(REVIEWER);

        assertThat(browser.post("/reviews/" + rejectId + "/rejection", Map.of("reason", " ")).status()).isEqualTo(302);
        assertThat(browser.get("/reviews").body()).contains("Indiquez le motif du refus");
        assertThat(reviewOf(toReject.accountId(), "PENDING")).isNotNull();

        String reason = "Votre rattachement à l'établissement n'a pas pu être confirmé.";
        assertThat(browser.post("/reviews/" + rejectId + "/rejection", Map.of("reason", reason)).status()).isEqualTo(302);
        assertThat(browser.get("/reviews").body()).contains("Demande de Yves LE GALL refusée");
        AccountRejected rejected = awaitEvents(Topics.ACCOUNT_REJECTED, toReject.accountId()).get(0);
        assertThat(rejected.getReason()).isEqualTo(reason);

        assertThat(browser.post("/reviews/" + approveId + "/approval", Map.of()).status()).isEqualTo(302);
        assertThat(browser.get("/reviews").body()).contains("déjà été validée par agent");
    }

    @Test
    void aReviewReadsInFullAndAnAdminClosesReopensAndExportsFromThePagesWhichAReviewerMayNot() {
        Applicants.Applicant applicant = Applicants.durand();
        String reviewId = queued(applicant).get("id").asString();
        Browser reviewer = new Browser();
        reviewer.logIn(REVIEWER, REVIEWER_PASSWORD);

        Response file = reviewer.get("/reviews/" + reviewId);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).contains("Dossier de Jean DURAND", "Ce que le professionnel a déclaré",
                applicant.profile().getEmail(), applicant.address().getAddress(), "RPPS 99800000012",
                "Vérifiée le", "en attente de validation", "Valider le compte", "Refuser la demande",
                "importée le 1 mars 2026 à 06h00");
        assertThat(reviewer.post("/reviews/" + reviewId + "/approval", Map.of()).status()).isEqualTo(302);
        assertThat(reviewer.get("/reviews").body()).contains("Compte de Jean DURAND validé");
        assertThat(reviewer.get("/reviews/" + reviewId).body()).contains("validée par " + REVIEWER, "Compte validé")
                .doesNotContain("Valider le compte");
        Response unknown = reviewer.get("/reviews/" + java.util.UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(302);
        assertThat(reviewer.get("/reviews").body()).contains("Cette demande n&#39;existe pas.")
                .doesNotContain("Exporter la file d'attente (CSV)");

        String account = "/accounts/" + applicant.accountId();
        assertThat(reviewer.get(account).body()).contains("réservées au rôle ADMIN").doesNotContain("Clôturer le compte");
        assertThat(reviewer.post(account + "/closure", Map.of("reason", "Départ à la retraite.")).status()).isEqualTo(403);
        assertThat(reviewer.get("/exports/queue.csv").status()).isEqualTo(403);

        Browser admin = new Browser();
        admin.logIn(ADMIN, ADMIN_PASSWORD);
        assertThat(admin.get("/reviews").body()).contains("Exporter la file d'attente (CSV)", "Exporter les décisions (CSV)");
        Response queue = admin.get("/exports/queue.csv");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.contentType()).startsWith("text/csv");
        Response decisions = admin.get("/exports/decisions.csv?from=2000-01-01&to=2100-01-01");
        assertThat(decisions.body()).contains(reviewId, applicant.profile().getEmail());

        assertThat(admin.post(account + "/closure", Map.of("reason", " ")).status()).isEqualTo(302);
        assertThat(admin.get(account).body()).contains("Indiquez le motif de la clôture.", "Clôturer le compte");
        assertThat(admin.post(account + "/closure", Map.of("reason", "Départ à la retraite.")).status()).isEqualTo(302);
        assertThat(admin.get(account).body()).contains("Compte clôturé", "par " + ADMIN + " : Départ à la retraite.",
                "Rouvrir le compte");
        assertThat(awaitEvents(Topics.ACCOUNT_CLOSED, applicant.accountId())).hasSize(1);
        assertThat(admin.post(account + "/reopening", Map.of()).status()).isEqualTo(302);
        assertThat(admin.get(account).body()).contains("Compte rouvert", "Clôturer le compte");
        assertThat(awaitEvents(Topics.ACCOUNT_REOPENED, applicant.accountId())).hasSize(1);
        assertThat(admin.post(account + "/reopening", Map.of()).status()).isEqualTo(302);
        assertThat(admin.get(account).body()).contains("n&#39;est pas clôturé");
    }

    @Test
    void anAdminCorrectsContactDetailsFromTheAccountPageWhereBadInputIsNamedAndNothingIsSent() {
        Applicants.Applicant applicant = Applicants.durand();
        Browser admin = adminWhoValidated(applicant);
        String account = "/accounts/" + applicant.accountId();
        assertThat(admin.get(account).body()).contains("Corriger les coordonnées", "value=\"0561000000\"",
                "value=\"10 rue des Trente-six Ponts\"");

        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("phone", "0561000000", "secondPhone", "",
                "addressLine", "10 rue des Trente-six Ponts", "postalCode", "31400", "city", "Toulouse", "region", "76",
                "department", "31"));
        form.put("city", " ");
        assertThat(admin.post(account + "/contact-correction", form).status()).isEqualTo(302);
        assertThat(admin.get(account).body()).contains("Correction non enregistrée", "La ville est obligatoire.");
        form.put("city", "Toulouse");
        assertThat(admin.post(account + "/contact-correction", form).status()).isEqualTo(302);
        assertThat(admin.get(account).body()).contains("rien n&#39;a été modifié");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = :topic AND record_key = :key")
                .param("topic", Topics.CONTACT_CORRECTION_REQUESTED.name()).param("key", applicant.accountId().toString())
                .query(Long.class).single()).as("nothing sent").isZero();

        form.put("phone", "05 62 11 22 33");
        assertThat(admin.post(account + "/contact-correction", form).status()).isEqualTo(302);
        assertThat(admin.get(account).body()).contains("Correction enregistrée");
        var event = awaitEvents(Topics.CONTACT_CORRECTION_REQUESTED, applicant.accountId()).get(0);
        assertThat(event.getPhone()).as("as typed: registration-service checks and normalises it").isEqualTo("05 62 11 22 33");
        assertThat(event.getAddressLine()).as("an untouched address is not rewritten").isNull();
        assertThat(event.getRemoveSecondPhone()).as("there was no second phone to remove").isFalse();
        assertThat(admin.get("/audit?subjectId=" + applicant.accountId()).body()).contains("Coordonnées corrigées",
                "phone = 0561000000", "phone = 05 62 11 22 33");

        Browser reviewer = new Browser();
        reviewer.logIn(REVIEWER, REVIEWER_PASSWORD);
        assertThat(reviewer.get(account).body()).doesNotContain("Corriger les coordonnées");
        assertThat(reviewer.post(account + "/contact-correction", form).status()).isEqualTo(403);
    }

    @Test
    void anAdminCorrectsTheNamesFromTheAccountPagePrefilledWhereBadInputIsNamedAndNothingIsSent() {
        Applicants.Applicant applicant = Applicants.durand();
        Browser admin = adminWhoValidated(applicant);
        String account = "/accounts/" + applicant.accountId();
        assertThat(admin.get(account).body()).contains("Corriger le nom et le prénom", "value=\"DURAND\"",
                "value=\"Jean\"");

        assertThat(admin.post(account + "/name-correction", Map.of("lastName", "DURAND", "firstName", " "))
                .status()).isEqualTo(302);
        assertThat(admin.get(account).body()).contains("Correction non enregistrée", "Le prénom est obligatoire.");
        assertThat(admin.post(account + "/name-correction", Map.of("lastName", "DURAND", "firstName", "Jean"))
                .status()).isEqualTo(302);
        assertThat(admin.get(account).body()).contains("rien n&#39;a été modifié");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = :topic AND record_key = :key")
                .param("topic", Topics.NAME_CORRECTION_REQUESTED.name()).param("key", applicant.accountId().toString())
                .query(Long.class).single()).as("nothing sent").isZero();

        assertThat(admin.post(account + "/name-correction", Map.of("lastName", "Durand-Martin", "firstName", "Jean",
                "reason", "Nom d'usage")).status()).isEqualTo(302);
        assertThat(admin.get(account).body()).contains("identité sera vérifiée à nouveau");
        assertThat(awaitEvents(Topics.NAME_CORRECTION_REQUESTED, applicant.accountId()).get(0).getLastName())
                .isEqualTo("Durand-Martin");
        assertThat(admin.get("/audit?subjectId=" + applicant.accountId()).body()).contains("Nom et prénom corrigés");

        Browser reviewer = new Browser();
        reviewer.logIn(REVIEWER, REVIEWER_PASSWORD);
        assertThat(reviewer.get(account).body()).doesNotContain("Corriger le nom et le prénom");
        assertThat(reviewer.post(account + "/name-correction", Map.of("lastName", "Dupont", "firstName", "Jean"))
                .status()).isEqualTo(403);
    }

    @Test
    void correctionsRegistrationRefusedShowInTheAccountHistoryInFrench() {
        Applicants.Applicant applicant = Applicants.durand();
        Browser admin = adminWhoValidated(applicant);
        String history = "/audit?subjectId=" + applicant.accountId();

        send(Topics.STAFF_CORRECTION_REFUSED, applicant.accountId(), refusal(applicant, "NAMES", "FIELD_NOT_ACCEPTABLE",
                "FIRST_NAME", "CHARACTERS"));
        send(Topics.STAFF_CORRECTION_REFUSED, applicant.accountId(), refusal(applicant, "CONTACT", "ACCOUNT_CLOSED",
                null, null));

        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get(history).body().contains("le compte est clôturé"));
        assertThat(admin.get(history).body()).contains(
                "Correction des noms refusée par le service d&#39;inscription : le prénom contient des caractères non admis",
                "Correction des coordonnées refusée par le service d&#39;inscription : le compte est clôturé");
    }

    /** An administrator's page session in which the applicant's review was just approved: the account is validated. */
    private Browser adminWhoValidated(Applicants.Applicant applicant) {
        String reviewId = queued(applicant).get("id").asString();
        Browser admin = new Browser();
        admin.logIn(ADMIN, ADMIN_PASSWORD);
        assertThat(admin.post("/reviews/" + reviewId + "/approval", Map.of()).status()).isEqualTo(302);
        return admin;
    }

    private static fr.esante.medimail.events.StaffCorrectionRefused refusal(Applicants.Applicant applicant, String kind,
                                                                             String reason, String field, String problem) {
        return fr.esante.medimail.events.StaffCorrectionRefused.newBuilder().setEventId(java.util.UUID.randomUUID())
                .setAccountId(applicant.accountId()).setOccurredAt(java.time.Instant.now())
                .setRequestEventId(java.util.UUID.randomUUID()).setRequestedBy(ADMIN).setKind(kind).setReason(reason)
                .setField(field).setProblem(problem).build();
    }

    @Test
    void identityReviewsAreShownWithTheirEvidenceAndConfirmedOrRefusedFromThePage() {
        Applicants.Applicant toConfirm = Applicants.durand();
        Applicants.Applicant toRefuse = Applicants.durand();
        send(Topics.IDENTITY_REVIEW_REQUESTED, toConfirm.accountId(), Applicants.nearMiss(toConfirm));
        send(Topics.IDENTITY_REVIEW_REQUESTED, toRefuse.accountId(), Applicants.nearMiss(toRefuse));
        String confirmId = awaitIdentityReviewId(toConfirm);
        String refuseId = awaitIdentityReviewId(toRefuse);
        Browser browser = new Browser();
        browser.logIn(REVIEWER, REVIEWER_PASSWORD);

        Response page = browser.get("/reviews");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Identités à confirmer").contains("identity-review-" + confirmId)
                .contains("Nom ou prénom proche de celui de l&#39;annuaire").contains("Jean DURAND")
                .contains("NEAR_MISS").contains("Confirmer l'identité").contains("Refuser l'identité");

        assertThat(browser.post("/identity-reviews/" + confirmId + "/confirmation", Map.of()).status()).isEqualTo(302);
        assertThat(browser.get("/reviews").body()).contains("Identité de Jean Durant confirmée")
                .doesNotContain("identity-review-" + confirmId);
        assertThat(awaitEvents(Topics.IDENTITY_REVIEW_CONCLUDED, toConfirm.accountId()).get(0).getConfirmed()).isTrue();

        assertThat(browser.post("/identity-reviews/" + refuseId + "/refusal", Map.of("reason", "")).status()).isEqualTo(302);
        assertThat(browser.get("/reviews").body()).contains("Indiquez le motif du refus").contains("identity-review-" + refuseId);
        String reason = "Le nom saisi ne correspond pas à votre carte CPS.";
        assertThat(browser.post("/identity-reviews/" + refuseId + "/refusal", Map.of("reason", reason)).status()).isEqualTo(302);
        assertThat(browser.get("/reviews").body()).contains("Identité de Jean Durant refusée");
        assertThat(awaitEvents(Topics.IDENTITY_REVIEW_CONCLUDED, toRefuse.accountId()).get(0).getReason()).isEqualTo(reason);

        assertThat(browser.post("/identity-reviews/" + confirmId + "/refusal", Map.of("reason", reason)).status()).isEqualTo(302);
        assertThat(browser.get("/reviews").body()).contains("déjà été confirmée par agent");
    }

    private String awaitIdentityReviewId(Applicants.Applicant applicant) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (var review : get("/api/v1/identity-reviews", reviewer()).json()) {
                if (applicant.accountId().toString().equals(review.get("registrationId").asString())) {
                    return review.get("id").asString();
                }
            }
            return null;
        }, id -> id != null);
    }

    @Test
    void pageFormsRefuseARequestWithoutTheCsrfToken() {
        Applicants.Applicant applicant = Applicants.durand();
        String id = queued(applicant).get("id").asString();
        Browser browser = new Browser();
        browser.logIn(REVIEWER, REVIEWER_PASSWORD);

        Response forged = browser.postWithoutCsrf("/reviews/" + id + "/approval");

        assertThat(forged.status()).isEqualTo(403);
        assertThat(reviewOf(applicant.accountId(), "PENDING")).isNotNull();
    }

    @Test
    void aWrongPasswordStaysOnTheLoginFormAndAStaffMemberWithoutTheRoleIsTurnedAway() {
        Browser stranger = new Browser();
        Response failed = stranger.submitLogin(REVIEWER, "pas-le-bon");
        assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(stranger.get("/login?error").body()).contains("Identifiant ou mot de passe incorrect.");

        Browser observer = new Browser();
        observer.logIn(OBSERVER, OBSERVER_PASSWORD);
        Response denied = observer.get("/reviews");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).contains("Accès refusé").contains(OBSERVER);
    }

    @Test
    void theLoginFormIsLockedAfterFiveWrongPasswordsTheRightOneIncluded() {
        Browser browser = new Browser();
        for (int i = 0; i < 5; i++) {
            assertThat(browser.submitLogin(LOCKED_PAGE_REVIEWER, "pas-le-bon").headers().firstValue("Location").orElseThrow())
                    .endsWith("/login?error");
        }
        Response locked = browser.submitLogin(LOCKED_PAGE_REVIEWER, LOCKED_PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(locked.body()).contains("lang=\"fr\"", "Connexion suspendue");
        // The lock is the login's, whichever door is used.
        assertThat(get("/api/v1/reviews", basic(LOCKED_PAGE_REVIEWER, LOCKED_PASSWORD)).status()).isEqualTo(429);
    }

    @Test
    void theQueueColoursEachItemByItsWaitAndFiltersByPathProfessionAndSearch() {
        // A last name of their own, so that a search shows these four alone, whatever else waits in the shared queue.
        String family = "TESTFAMILLE" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Applicants.Applicant fresh = named(Applicants.durand(Duration.ofHours(2)), family);
        Applicants.Applicant day = named(Applicants.durand(Duration.ofHours(30)), family);
        Applicants.Applicant reminded = named(Applicants.durand(Duration.ofHours(45)), family);
        Applicants.Applicant late = named(Applicants.durand(Duration.ofHours(50)), family);
        Applicants.Applicant inTraining = Applicants.leGallInTraining();
        Map<String, String> ids = new LinkedHashMap<>();
        for (var entry : Map.of("fresh", fresh, "day", day, "reminded", reminded, "late", late, "training", inTraining).entrySet()) {
            ids.put(entry.getKey(), queued(entry.getValue()).get("id").asString());
        }
        Browser browser = new Browser();
        browser.logIn(REVIEWER, REVIEWER_PASSWORD);

        String page = browser.get("/reviews?q=" + family.toLowerCase()).body();
        assertThat(page).contains("<strong>4</strong> demande(s) en attente");
        assertThat(page).contains("id=\"review-" + ids.get("fresh") + "\" class=\"age-fresh\"")
                .contains("id=\"review-" + ids.get("day") + "\" class=\"age-day\"")
                .contains("id=\"review-" + ids.get("reminded") + "\" class=\"age-reminded\"")
                .contains("id=\"review-" + ids.get("late") + "\" class=\"age-late overdue\"");
        assertThat(page.indexOf("review-" + ids.get("late"))).as("oldest first").isLessThan(page.indexOf("review-" + ids.get("fresh")));

        String search = browser.get("/reviews?q=" + inTraining.profile().getEmail().toUpperCase()).body();
        assertThat(search).contains(inTraining.address().getAddress()).doesNotContain(fresh.profile().getEmail());
        String byAddress = browser.get("/reviews?q=" + late.address().getAddress()).body();
        assertThat(byAddress).contains(late.profile().getEmail()).doesNotContain(fresh.profile().getEmail());
        String byPath = browser.get("/reviews?path=FOREIGN_OR_IN_TRAINING&profession=60&region=76").body();
        assertThat(byPath).contains(inTraining.address().getAddress()).doesNotContain(late.profile().getEmail());
        String identitiesOnly = browser.get("/reviews?kind=IDENTITY").body();
        assertThat(identitiesOnly).doesNotContain(late.profile().getEmail()).contains("Effacer les filtres");
    }

    @Test
    void aPendingItemIsFoundUnderItsNewRegionOnceItsHolderMoves() {
        Applicants.Applicant applicant = Applicants.durand();
        String item = "id=\"review-" + queued(applicant).get("id").asString() + "\"";
        // The search box shows the e-mail searched for: the item is told by its id.
        String email = applicant.profile().getEmail();
        Browser browser = new Browser();
        browser.logIn(REVIEWER, REVIEWER_PASSWORD);
        assertThat(browser.get("/reviews?region=76&q=" + email).body()).contains(item);

        send(Topics.CONTACT_DETAILS_CHANGED, applicant.accountId(), ContactDetailsChanged.newBuilder()
                .setEventId(java.util.UUID.randomUUID()).setAccountId(applicant.accountId())
                .setOccurredAt(java.time.Instant.now()).setPhone("0144000000").setSecondPhone(null)
                .setAddressLine("1 rue de Rivoli").setPostalCode("75001").setCity("Paris").setRegion("11")
                .setDepartment("75").setDirectoryVisible(true).setPaperless(true).build());

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> browser.get("/reviews?region=11&q=" + email).body().contains(item));
        assertThat(browser.get("/reviews?region=76&q=" + email).body()).doesNotContain(item)
                .contains("Aucune demande en attente de validation");
    }

    @Test
    void aRejectionTakesAReasonFromTheFrenchListCompletedByFreeTextAndIsInTheAuditPage() {
        Applicants.Applicant applicant = Applicants.durand();
        String id = queued(applicant).get("id").asString();
        Browser browser = new Browser();
        browser.logIn(REVIEWER, REVIEWER_PASSWORD);
        assertThat(browser.get("/reviews").body()).contains("Votre rattachement à la structure indiquée n&#39;a pas pu être confirmé.");

        assertThat(browser.post("/reviews/" + id + "/rejection", Map.of("reasonChoice", "Un motif inventé", "reason", " "))
                .status()).isEqualTo(302);
        assertThat(browser.get("/reviews").body()).contains("Indiquez le motif du refus");
        String chosen = "Votre rattachement à la structure indiquée n'a pas pu être confirmé.";
        assertThat(browser.post("/reviews/" + id + "/rejection",
                Map.of("reasonChoice", chosen, "reason", "Joignez une attestation de votre établissement.")).status()).isEqualTo(302);

        AccountRejected rejected = awaitEvents(Topics.ACCOUNT_REJECTED, applicant.accountId()).get(0);
        assertThat(rejected.getReason()).isEqualTo(chosen + " Joignez une attestation de votre établissement.");
        String audit = browser.get("/audit?subjectId=" + id).body();
        assertThat(audit).contains("Journal des actions").contains("Demande refusée").contains(REVIEWER)
                .contains("status = PENDING").contains("Joignez une attestation");
        Browser observer = new Browser();
        observer.logIn(OBSERVER, OBSERVER_PASSWORD);
        assertThat(observer.get("/audit").status()).isEqualTo(403);
    }

    private static Applicants.Applicant named(Applicants.Applicant applicant, String lastName) {
        return new Applicants.Applicant(applicant.accountId(), ProfessionalProfileSubmitted.newBuilder(applicant.profile())
                .setLastName(lastName).build(), applicant.identity(), applicant.address());
    }

    @Test
    void aControlCharacterTypedInAReasonOnThePageIsRefusedNamingTheField() {
        Applicants.Applicant applicant = Applicants.durand();
        String id = queued(applicant).get("id").asString();
        Browser browser = new Browser();
        browser.logIn(REVIEWER, REVIEWER_PASSWORD);
        browser.get("/reviews");

        Response refused = browser.post("/reviews/" + id + "/rejection", Map.of("reason", "Motif\u0000invalide"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"field\":\"reason\"", "FORBIDDEN_CHARACTER");
        assertThat(reviewOf(applicant.accountId(), "PENDING")).isNotNull();
    }

    /** A staff member's browser tab: its cookies kept, the CSRF token of the last page sent back with each form. */
    private final class Browser {

        private final TestHttpClient client = TestHttpClient.browserOnPort(port);
        private String csrf;

        Response get(String path) {
            Response response = response(client.get(path, Map.of()));
            String token = TestHttpClient.csrfToken(response.body());
            if (token != null) {
                csrf = token;
            }
            return response;
        }

        Response submitLogin(String username, String password) {
            get("/login");
            return post("/login", Map.of("username", username, "password", password));
        }

        void logIn(String username, String password) {
            Response login = submitLogin(username, password);
            assertThat(login.status()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/reviews");
            get("/reviews"); // the token changes at login: take the new one
        }

        Response post(String path, Map<String, String> fields) {
            Map<String, String> form = new LinkedHashMap<>(fields);
            form.put("_csrf", csrf);
            return response(client.postForm(path, form, Map.of()));
        }

        Response postWithoutCsrf(String path) {
            return response(client.postForm(path, Map.of(), Map.of()));
        }
    }
}
