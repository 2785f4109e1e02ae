package fr.esante.medimail.e2e;

import static fr.esante.medimail.testsupport.TestHttpClient.basic;
import static fr.esante.medimail.testsupport.TestHttpClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

import fr.esante.medimail.local.PlatformServices;
import fr.esante.medimail.testsupport.TestHttpClient;
import fr.esante.medimail.testsupport.payloads.ProfileSubmissions;
import fr.esante.medimail.testsupport.payloads.Registrations;
import tools.jackson.databind.JsonNode;

/**
 * The steps a health professional and a reviewer take, in the order of the procedure, over the public API.
 * Shared by the end-to-end tests on embedded infrastructure and on containers.
 */
final class RegistrationJourney {

    static final String PASSWORD = Registrations.PASSWORD;
    private static final Pattern ONE_TIME_CODE = Pattern.compile("code de connexion à Medimail : (\\d{6})");
    private static final Pattern CONFIRMATION_LINK = Pattern.compile("https?://[^\"'<>\\s]+/confirmation\\?token=([A-Za-z0-9_%\\-]+)");

    private final PlatformServices platform;
    private final TestHttpClient client = TestHttpClient.absoluteUrls();
    private final Mailbox mailbox;

    final String email;
    final String firstName;
    final String lastName;
    final String password;
    String registrationId;
    String confirmationToken;
    String accessToken;
    /** The last one-time code read from the mail, for the tests that look for it where it must not be. */
    String oneTimeCode;

    RegistrationJourney(PlatformServices platform, Mailbox mailbox, String firstName, String lastName) {
        this(platform, mailbox, firstName, lastName, PASSWORD);
    }

    RegistrationJourney(PlatformServices platform, Mailbox mailbox, String firstName, String lastName, String password) {
        this.password = password;
        this.platform = platform;
        this.mailbox = mailbox;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = firstName.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    String url(String service) {
        return platform.baseUrl(service);
    }

    TestHttpClient client() {
        return client;
    }

    void register() {
        TestHttpClient.Answer response = client.send("POST", url("registration-service") + "/api/v1/registrations",
                registrationForm().fields(), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().get("status").asString()).isEqualTo("EMAIL_CONFIRMATION_PENDING");
        registrationId = response.json().get("registrationId").asString();
    }

    /** This professional's registration form, for the tests that send it their own way. */
    Registrations registrationForm() {
        return Registrations.aProfessional().withLastName(lastName).withFirstName(firstName).withEmail(email).withPassword(password);
    }

    /** Opens the confirmation e-mail sent by cerbere@mipih.fr and follows its link. */
    void confirmEmailFromTheLinkInTheMail() {
        Mailbox.Mail mail = mailbox.awaitMail(email, "confirmez votre adresse");
        assertThat(mail.from()).contains("cerbere@mipih.fr");
        Matcher link = CONFIRMATION_LINK.matcher(mail.body());
        assertThat(link.find()).as("confirmation link in: " + mail.body()).isTrue();
        String token = URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
        confirmationToken = token;

        TestHttpClient.Answer page = client.get(url("registration-service") + "/confirmation?token=" + link.group(1), Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"fr\"");

        TestHttpClient.Answer confirmed = client.send("POST", url("registration-service") + "/api/v1/email-confirmations",
                Map.of("token", token), Map.of());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("EMAIL_CONFIRMED");

        TestHttpClient.Answer again = client.send("POST", url("registration-service") + "/api/v1/email-confirmations",
                Map.of("token", token), Map.of());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("TOKEN_INVALID");
    }

    void logIn() {
        TestHttpClient.Answer session = client.send("POST", url("registration-service") + "/api/v1/sessions",
                Map.of("email", email, "password", password), Map.of());
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        accessToken = session.json().get("accessToken").asString();
    }

    /**
     * A validated account signs in as the procedure says: password, then the 6-digit code read from the e-mail, then
     * the terms of use, which must be accepted before anything but reading them and one's status.
     */
    JsonNode signInWithTheEmailedCodeAndAcceptTheTerms() {
        TestHttpClient.Answer challenge = client.send("POST", url("registration-service") + "/api/v1/sessions",
                Map.of("email", email, "password", password), Map.of());
        assertThat(challenge.status()).as(challenge.body()).isEqualTo(202);
        assertThat(challenge.json().get("sentTo").asString()).isEqualTo(email.charAt(0) + "***@example.org");

        Mailbox.Mail mail = mailbox.awaitMail(email, "code de connexion");
        assertThat(mail.from()).contains("cerbere@mipih.fr");
        Matcher code = ONE_TIME_CODE.matcher(mail.body());
        assertThat(code.find()).as("code in: " + mail.body()).isTrue();
        oneTimeCode = code.group(1);

        TestHttpClient.Answer session = client.send("POST", url("registration-service") + "/api/v1/sessions/otp",
                Map.of("challengeId", challenge.json().get("challengeId").asString(), "code", code.group(1)), Map.of());
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        assertThat(session.json().get("termsAccepted").asBoolean()).isFalse();
        accessToken = session.json().get("accessToken").asString();

        TestHttpClient.Answer gated = client.send("PUT", url("registration-service") + "/api/v1/me/password",
                Map.of("currentPassword", password, "password", password, "passwordConfirmation", password), bearer(accessToken));
        assertThat(gated.status()).as(gated.body()).isEqualTo(403);
        assertThat(gated.json().get("code").asString()).isEqualTo("TERMS_NOT_ACCEPTED");

        TestHttpClient.Answer terms = client.get(url("registration-service") + "/api/v1/terms", Map.of());
        assertThat(terms.status()).isEqualTo(200);
        assertThat(terms.json().get("text").asString()).contains("Conditions générales d'utilisation");
        TestHttpClient.Answer accepted = client.send("POST", url("registration-service") + "/api/v1/me/terms-acceptance",
                Map.of("version", terms.json().get("version").asString()), bearer(accessToken));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
        return me();
    }

    void submitProfile(String path, String identifierType, String identifier, String profession) {
        submitProfile(path, identifierType, identifier, profession, "IDENTITY_CHECK_PENDING");
    }

    void submitProfile(String path, String identifierType, String identifier, String profession, String expectedStatus) {
        // The foreign or in-training path names the structure whose identifier it gives: finess() fills it in.
        ProfileSubmissions profile = "FOREIGN_OR_IN_TRAINING".equals(path) ? ProfileSubmissions.finess(identifier)
                : ProfileSubmissions.rpps(identifier);
        profile.withPath(path).withIdentifierType(identifierType).withProfession(profession);
        TestHttpClient.Answer response = client.send("PUT", url("registration-service") + "/api/v1/me/professional-profile",
                profile.fields(), bearer(accessToken));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().get("status").asString()).isEqualTo(expectedStatus);
    }

    JsonNode me() {
        TestHttpClient.Answer response = client.get(url("registration-service") + "/api/v1/me", bearer(accessToken));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    JsonNode awaitStatus(String status) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(this::me, me -> status.equals(me.get("status").asString()));
    }

    /**
     * The whole way to a validated account: registered, e-mail confirmed from the mail, signed in with the password,
     * profile submitted, checks passed, approved by the reviewer; returns the approved review.
     */
    JsonNode validatedBy(String reviewer, String reviewerPassword, String path, String identifierType, String identifier,
                         String profession) {
        register();
        confirmEmailFromTheLinkInTheMail();
        logIn();
        submitProfile(path, identifierType, identifier, profession);
        awaitStatus("VALIDATION_PENDING");
        return approveAsReviewer(reviewer, reviewerPassword);
    }

    /** The reviewer finds the account in the queue and approves it. */
    JsonNode approveAsReviewer(String user, String password) {
        JsonNode review = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> pendingReviewOfThisAccount(user, password), r -> r != null);
        TestHttpClient.Answer approval = client.send("POST", url("backoffice-service") +
                "/api/v1/reviews/" + review.get("id").asString() + "/approval", "{}", basic(user, password));
        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
        TestHttpClient.Answer twice = client.send("POST", url("backoffice-service") +
                "/api/v1/reviews/" + review.get("id").asString() + "/approval", "{}", basic(user, password));
        assertThat(twice.status()).isEqualTo(409);
        return review;
    }

    /** The reviewer finds the account in the queue and rejects it with a reason. */
    JsonNode rejectAsReviewer(String user, String password, String reason) {
        JsonNode review = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> pendingReviewOfThisAccount(user, password), r -> r != null);
        TestHttpClient.Answer rejection = client.send("POST", url("backoffice-service") +
                "/api/v1/reviews/" + review.get("id").asString() + "/rejection", Map.of("reason", reason), basic(user, password));
        assertThat(rejection.status()).as(rejection.body()).isEqualTo(200);
        return review;
    }

    /**
     * The reviewer finds this account's identity review (the identity check could not settle it alone), sees the
     * evidence and confirms the declared identity.
     */
    JsonNode confirmIdentityAsReviewer(String user, String password) {
        JsonNode review = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> pendingIdentityReviewOfThisAccount(user, password), r -> r != null);
        TestHttpClient.Answer confirmation = client.send("POST", url("backoffice-service") +
                "/api/v1/identity-reviews/" + review.get("id").asString() + "/confirmation", "{}", basic(user, password));
        assertThat(confirmation.status()).as(confirmation.body()).isEqualTo(200);
        TestHttpClient.Answer twice = client.send("POST", url("backoffice-service") +
                "/api/v1/identity-reviews/" + review.get("id").asString() + "/confirmation", "{}", basic(user, password));
        assertThat(twice.status()).isEqualTo(409);
        return review;
    }

    private JsonNode pendingIdentityReviewOfThisAccount(String user, String password) {
        TestHttpClient.Answer pending = client.get(url("backoffice-service") + "/api/v1/identity-reviews?status=PENDING",
                basic(user, password));
        assertThat(pending.status()).as(pending.body()).isEqualTo(200);
        for (JsonNode review : pending.json()) {
            if (registrationId.equals(review.get("registrationId").asString())) {
                return review;
            }
        }
        return null;
    }

    private JsonNode pendingReviewOfThisAccount(String user, String password) {
        TestHttpClient.Answer pending = client.get(url("backoffice-service") + "/api/v1/reviews?status=PENDING", basic(user, password));
        assertThat(pending.status()).as(pending.body()).isEqualTo(200);
        for (JsonNode review : pending.json()) {
            if (registrationId.equals(review.get("registrationId").asString())) {
                return review;
            }
        }
        return null;
    }
}
