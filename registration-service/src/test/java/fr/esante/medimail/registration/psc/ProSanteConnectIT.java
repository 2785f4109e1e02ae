package fr.esante.medimail.registration.psc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.pscstandin.PscStandInApplication;
import fr.esante.medimail.pscstandin.StandInFaults;
import fr.esante.medimail.registration.IncomingEvents;
import fr.esante.medimail.registration.IntegrationTest;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.testsupport.TestHttpClient;
import fr.esante.medimail.testsupport.payloads.ProfileSubmissions;

/**
 * Sign-up and sign-in with Pro Santé Connect against the stand-in provider (Spring Authorization Server, PSC-shaped
 * claims) over real HTTP: a browser is played by an HTTP client that keeps cookies and follows no redirect by itself,
 * so every hop (our /psc/login, PSC's authorize and pick page, our callback) is seen. Each test is a different fictional
 * professional of the 9980004… range (one live account per RPPS in the test JVM).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class ProSanteConnectIT extends IntegrationTest {

    private static final int REGISTRATION_PORT = freePort();
    private static final int STAND_IN_PORT = freePort();
    private static ConfigurableApplicationContext standIn;

    @DynamicPropertySource
    static void pointAtTheStandIn(DynamicPropertyRegistry registry) {
        if (standIn == null) {
            standIn = PscStandInApplication.application().run("--server.port=" + STAND_IN_PORT,
                    "--psc-stand-in.issuer=http://127.0.0.1:" + STAND_IN_PORT,
                    "--psc-stand-in.redirect-uris[0]=http://localhost:" + REGISTRATION_PORT + "/psc/callback");
        }
        registry.add("server.port", () -> REGISTRATION_PORT);
        registry.add("medimail.psc.enabled", () -> "true");
        registry.add("medimail.psc.issuer-uri", () -> "http://127.0.0.1:" + STAND_IN_PORT);
        registry.add("medimail.psc.client-id", () -> "medimail-local");
        registry.add("medimail.psc.client-secret", () -> "medimail-local-secret");
    }

    @AfterAll
    static void stopTheStandIn() {
        if (standIn != null) {
            standIn.close();
            standIn = null;
        }
    }

    @AfterEach
    void honestProviderAgain() {
        if (standIn != null) {
            standIn.getBean(StandInFaults.class).set(StandInFaults.Fault.NONE);
        }
    }

    // ---------------------------------------------------------------- journeys

    @Test
    @Order(1)
    void signUpWithoutAnAssertedAddressThenValidationThenSignInByPscAloneWithTheTermsStillAsked() {
        // Claire FONTAINE, 99800040109, médecin SM54: in no directory, PSC vouches for her; PSC gives no e-mail.
        Browser browser = new Browser();
        String code = browser.signInAtPsc("899800040109");
        Answer first = post("/api/v1/psc/handoffs", json(Map.of("code", code)));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("outcome").asString()).isEqualTo("SIGN_UP_REQUIRED");
        assertThat(first.json().path("identity").path("rpps").asString()).isEqualTo("99800040109");
        assertThat(first.json().path("identity").path("lastName").asString()).isEqualTo("FONTAINE");
        assertThat(first.json().path("identity").path("professions").get(0).asString()).isEqualTo("10");

        String email = uniqueEmail("claire.fontaine");
        Answer signUp = post("/api/v1/psc/sign-ups", json(Map.of("code", code, "email", email, "region", "76")));
        assertThat(signUp.status()).as(signUp.body()).isEqualTo(202);
        assertThat(signUp.json().path("outcome").asString()).isEqualTo("EMAIL_CONFIRMATION_SENT");
        UUID accountId = jdbc.sql("SELECT id FROM account WHERE email = :email").param("email", email).query(UUID.class).single();
        assertThat(eventsFor(Topics.ACCOUNT_REQUESTED, accountId)).as("the usual confirmation mail").isEqualTo(1);
        assertThat(post("/api/v1/psc/sign-ups", json(Map.of("code", code, "email", email, "region", "76"))).json()
                .path("code").asString()).as("the hand-off code is single use").isEqualTo("PSC_HANDOFF_INVALID");

        Answer beforeConfirming = post("/api/v1/psc/handoffs", json(Map.of("code", new Browser().signInAtPsc("899800040109"))));
        assertThat(beforeConfirming.status()).isEqualTo(403);
        assertThat(beforeConfirming.json().path("code").asString()).isEqualTo("EMAIL_NOT_CONFIRMED");

        assertThat(confirm(knownConfirmationToken(email)).status()).isEqualTo(200);
        String session = signedInByPsc("899800040109", "EMAIL_CONFIRMED");
        Answer submitted = put("/api/v1/me/professional-profile", ProfileSubmissions.rpps("99800040109").json(), session);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        ProfessionalProfileSubmitted event = awaitEvent(Topics.PROFESSIONAL_PROFILE_SUBMITTED, accountId);
        assertThat(event.getIdentityVouchedBy()).isEqualTo("PRO_SANTE_CONNECT");
        assertThat(event.getLastName()).isEqualTo("FONTAINE");
        assertThat(event.getIdentifier()).isEqualTo("99800040109");

        validatedByStaff(accountId, email);
        String validatedSession = signedInByPsc("899800040109", "VALIDATED");
        assertThat(me(validatedSession).path("status").asString()).isEqualTo("VALIDATED");
        Answer beforeTerms = send(request("/api/v1/me/contact", validatedSession)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json(Map.of("paperless", false)))));
        assertThat(beforeTerms.status()).as("no e-mailed code, but the terms still apply").isEqualTo(403);
        assertThat(beforeTerms.json().path("code").asString()).isEqualTo("TERMS_NOT_ACCEPTED");
        assertThat(eventsFor(Topics.ONE_TIME_CODE_REQUESTED, accountId)).as("PSC is the second factor").isZero();
    }

    @Test
    @Order(2)
    void anAddressPscAssertsIsTakenAsConfirmed() {
        // Luc MOREAU, 99800040208, infirmier; PSC asserts luc.moreau@example.org.
        String code = new Browser().signInAtPsc("899800040208");
        Answer first = post("/api/v1/psc/handoffs", json(Map.of("code", code)));
        assertThat(first.json().path("identity").path("email").asString()).isEqualTo("luc.moreau@example.org");

        Answer signUp = post("/api/v1/psc/sign-ups", json(Map.of("code", code, "region", "76")));
        assertThat(signUp.status()).as(signUp.body()).isEqualTo(200);
        assertThat(signUp.json().path("outcome").asString()).isEqualTo("SIGNED_IN");
        assertThat(signUp.json().path("accountStatus").asString()).isEqualTo("EMAIL_CONFIRMED");
        var me = me(signUp.json().path("accessToken").asString());
        assertThat(me.path("lastName").asString()).isEqualTo("MOREAU");
        assertThat(me.path("email").asString()).isEqualTo("luc.moreau@example.org");
        UUID accountId = UUID.fromString(me.path("registrationId").asString());
        assertThat(eventsFor(Topics.ACCOUNT_REQUESTED, accountId)).as("no confirmation mail").isZero();
        assertThat(eventsFor(Topics.EMAIL_CONFIRMED, accountId)).isEqualTo(1);
    }

    @Test
    @Order(3)
    void anRppsThatAlreadyHasAnAccountIsLinkedToItByItsPasswordNeverGivenASecondOne() {
        // Inès GIRARD, 99800040307: registered the ordinary way first, her profile names her RPPS.
        String email = uniqueEmail("ines.girard");
        confirmedAccount(email);
        String profile = ProfileSubmissions.rpps("99800040307").withProfession("70").json();
        assertThat(put("/api/v1/me/professional-profile", profile, accessToken(email)).status()).isEqualTo(202);
        int accountsBefore = allAccounts();

        String code = new Browser().signInAtPsc("899800040307");
        Answer first = post("/api/v1/psc/handoffs", json(Map.of("code", code)));
        assertThat(first.json().path("outcome").asString()).isEqualTo("LINK_REQUIRED");
        assertThat(first.json().path("email").asString()).isEqualTo(email.charAt(0) + "***@example.org");

        Answer secondAccount = post("/api/v1/psc/sign-ups", json(Map.of("code", code, "email", uniqueEmail("ines2"), "region", "76")));
        assertThat(secondAccount.status()).isEqualTo(409);
        assertThat(secondAccount.contentType()).startsWith("application/problem+json");
        assertThat(secondAccount.json().path("code").asString()).isEqualTo("RPPS_ALREADY_REGISTERED");
        assertThat(secondAccount.json().path("detail").asString()).contains("existe déjà");
        assertThat(allAccounts()).isEqualTo(accountsBefore);

        Answer wrongPassword = post("/api/v1/psc/links", json(Map.of("code", code, "email", email, "password", "Pas-le-bon-1")));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(linkedRpps("99800040307")).isZero();

        Answer linked = post("/api/v1/psc/links", json(Map.of("code", code, "email", email, "password", PASSWORD)));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().path("outcome").asString()).isEqualTo("SIGNED_IN");
        assertThat(linkedRpps("99800040307")).isEqualTo(1);

        // From now on PSC alone signs her in, into that very account.
        String session = signedInByPsc("899800040307", "IDENTITY_CHECK_PENDING");
        assertThat(me(session).path("email").asString()).isEqualTo(email);
        assertThat(allAccounts()).isEqualTo(accountsBefore);
    }

    // ---------------------------------------------------------------- failures: French page, nothing written, no token logged

    @Test
    @Order(10)
    void aWrongStateIsRefused(CapturedOutput output) {
        Browser browser = new Browser();
        URI callback = browser.callbackFromPsc("899800040406");
        String forged = callback.toString().replaceAll("state=[^&]+", "state=" + UUID.randomUUID());
        int handoffsBefore = handoffs();

        TestHttpClient.Answer page = browser.get(URI.create(forged));

        assertRefusedPage(page, 400, "n’a pas pu être vérifiée");
        assertThat(handoffs()).isEqualTo(handoffsBefore);
        assertThat(output.getAll()).contains("no sign-in of this browser waits for this state").doesNotContain(codeOf(callback));
    }

    @Test
    @Order(11)
    void aReplayedCallbackAndAReplayedCodeAreRefused(CapturedOutput output) {
        Browser browser = new Browser();
        URI callback = browser.callbackFromPsc("899800040406");
        TestHttpClient.Answer once = browser.get(callback);
        assertThat(once.status()).isEqualTo(302);
        int handoffsBefore = handoffs();

        assertRefusedPage(browser.get(callback), 400, "n’a pas pu être vérifiée");
        // The same code under a fresh state of this browser: PSC itself refuses a code used once.
        URI fresh = browser.callbackFromPsc("899800040406");
        URI replayedCode = URI.create(fresh.toString().replaceAll("code=[^&]+", "code=" + codeOf(callback)));
        assertRefusedPage(browser.get(replayedCode), 400, "n’a pas pu être vérifiée");

        assertThat(handoffs()).isEqualTo(handoffsBefore);
        assertThat(output.getAll()).contains("invalid_grant").doesNotContain(codeOf(callback));
    }

    @Test
    @Order(12)
    void anExpiredIdTokenIsRefused(CapturedOutput output) {
        standIn.getBean(StandInFaults.class).set(StandInFaults.Fault.EXPIRED_ID_TOKEN);
        Browser browser = new Browser();
        int handoffsBefore = handoffs();

        assertRefusedPage(browser.get(browser.callbackFromPsc("899800040505")), 400, "n’a pas pu être vérifiée");

        assertThat(handoffs()).isEqualTo(handoffsBefore);
        assertThat(output.getAll()).contains("invalid_id_token");
    }

    @Test
    @Order(13)
    void anIdTokenSignedWithAnotherKeyIsRefused(CapturedOutput output) {
        standIn.getBean(StandInFaults.class).set(StandInFaults.Fault.ID_TOKEN_SIGNED_WITH_UNPUBLISHED_KEY);
        Browser browser = new Browser();
        int handoffsBefore = handoffs();

        assertRefusedPage(browser.get(browser.callbackFromPsc("899800040505")), 400, "n’a pas pu être vérifiée");

        assertThat(handoffs()).isEqualTo(handoffsBefore);
        assertThat(output.getAll()).contains("invalid_id_token");
    }

    @Test
    @Order(20)
    void aProviderThatIsDownGetsAFrenchPageOfferingTheOrdinarySignUp() {
        stopTheStandIn();

        TestHttpClient.Answer page = new Browser().get(URI.create("http://localhost:" + REGISTRATION_PORT + "/psc/login"));

        assertRefusedPage(page, 503, "ne répond pas");
        assertThat(page.body()).contains("href=\"/\"").contains("Créer un compte sans Pro Santé Connect");
    }

    // ---------------------------------------------------------------- helpers

    private String signedInByPsc(String nationalId, String expectedStatus) {
        Answer answer = post("/api/v1/psc/handoffs", json(Map.of("code", new Browser().signInAtPsc(nationalId))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("outcome").asString()).isEqualTo("SIGNED_IN");
        assertThat(answer.json().path("accountStatus").asString()).isEqualTo(expectedStatus);
        return answer.json().path("accessToken").asString();
    }

    private void validatedByStaff(UUID id, String email) {
        feed(Topics.ACCOUNT_VALIDATED, IncomingEvents.accountValidated(id, email)
                .setMssAddress("claire.fontaine@medecin.oc.mssante.fr").setLastName("FONTAINE").setFirstName("Claire")
                .setIdentifier("99800040109").build());
    }

    private static void assertRefusedPage(TestHttpClient.Answer page, int status, String message) {
        assertThat(page.status()).as(page.body()).isEqualTo(status);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Connexion avec Pro Santé Connect impossible").contains(message);
    }

    private int handoffs() {
        return jdbc.sql("SELECT count(*) FROM psc_handoff").query(Integer.class).single();
    }

    private int allAccounts() {
        return jdbc.sql("SELECT count(*) FROM account").query(Integer.class).single();
    }

    private int linkedRpps(String rpps) {
        return jdbc.sql("SELECT count(*) FROM psc_link WHERE rpps = :rpps").param("rpps", rpps).query(Integer.class).single();
    }

    private static String codeOf(URI callback) {
        Matcher matcher = Pattern.compile("code=([^&]+)").matcher(callback.getRawQuery());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser: its own cookies (ours on localhost, the provider's on 127.0.0.1), every redirect seen. */
    private static final class Browser {

        private static final Map<String, String> ACCEPT_HTML = Map.of("Accept", "text/html");

        private final TestHttpClient http = TestHttpClient.browser();

        TestHttpClient.Answer get(URI uri) {
            return http.get(uri.toString(), ACCEPT_HTML);
        }

        /** Our /psc/login, PSC's authorize, its pick page (choosing {@code nationalId}), back to our callback URL. */
        URI callbackFromPsc(String nationalId) {
            TestHttpClient.Answer login = get(URI.create("http://localhost:" + REGISTRATION_PORT + "/psc/login"));
            assertThat(login.status()).as(login.body()).isEqualTo(302);
            URI authorize = URI.create(login.location());
            assertThat(authorize.getRawQuery()).contains("code_challenge=").contains("code_challenge_method=S256")
                    .contains("nonce=").contains("state=").contains("scope=openid%20scope_all").contains("acr_values=eidas1");
            TestHttpClient.Answer toPick = get(authorize);
            URI next;
            if (toPick.location() != null && toPick.location().contains("/choisir")) {
                URI pick = authorize.resolve(toPick.location());
                TestHttpClient.Answer pickPage = get(pick);
                assertThat(pickPage.body()).contains("Qui êtes-vous ?");
                String csrf = TestHttpClient.csrfToken(pickPage.body());
                assertThat(csrf).isNotNull();
                Map<String, String> form = new LinkedHashMap<>();
                form.put("identite", nationalId);
                form.put("inutilise", "-");
                form.put("_csrf", csrf);
                TestHttpClient.Answer picked = http.postForm(pick.toString(), form, ACCEPT_HTML);
                assertThat(picked.status()).isEqualTo(302);
                TestHttpClient.Answer authorized = get(authorize.resolve(picked.location()));
                next = URI.create(authorized.location());
            } else {
                next = URI.create(toPick.location());
            }
            assertThat(next.toString()).startsWith("http://localhost:" + REGISTRATION_PORT + "/psc/callback?code=");
            return next;
        }

        /** The whole sign-in at PSC; returns the hand-off code our callback puts in the fragment of /psc/retour. */
        String signInAtPsc(String nationalId) {
            TestHttpClient.Answer back = get(callbackFromPsc(nationalId));
            assertThat(back.status()).as(back.body()).isEqualTo(302);
            assertThat(back.location()).contains("/psc/retour#code=");
            return back.location().substring(back.location().indexOf("#code=") + "#code=".length());
        }
    }
}
