package fr.esante.medimail.e2e;

import static fr.esante.medimail.testsupport.TestHttpClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.local.EmbeddedPlatformInfrastructure;
import fr.esante.medimail.local.LocalPlatform;
import fr.esante.medimail.local.PlatformServices;
import fr.esante.medimail.testsupport.TestHttpClient;
import tools.jackson.databind.JsonNode;

/**
 * Accounts a professional can look after, end to end with the five services: corrections after a refusal and a
 * rejection, an INT mailbox becoming PER, one live account per RPPS even when two arrive at once, and a burst of
 * registrations that sends one mail. Every step over the public API; every mail read over IMAP.
 */
class AccountCareFlowIT {

    private static final String REVIEWER = LocalPlatform.SEEDED_REVIEWER;
    private static EmbeddedInfrastructure infrastructure;
    private static PlatformServices platform;
    private static Mailbox mailbox;

    @BeforeAll
    static void startPlatform() {
        infrastructure = EmbeddedInfrastructure.shared();
        platform = PlatformServices.start(new EmbeddedPlatformInfrastructure(infrastructure), true, LocalPlatform.localSettings());
        mailbox = new Mailbox("127.0.0.1", infrastructure.imapPort());
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @Test
    void aRefusedThenRejectedProfileIsCorrectedTwiceAndTheAccountIsValidated() {
        RegistrationJourney marie = new RegistrationJourney(platform, mailbox, "Marie-Helene", "Dupont-Martin");
        marie.register();
        marie.confirmEmailFromTheLinkInTheMail();
        marie.logIn();
        // The directory knows her as a pharmacist (21), not a doctor (10).
        marie.submitProfile("NATIONAL_ID", "RPPS", "99800000020", "10");
        JsonNode refused = marie.awaitStatus("IDENTITY_REJECTED");
        assertThat(refused.get("rejectionCode").asString()).isEqualTo("PROFESSION_MISMATCH");
        Mailbox.Mail refusalMail = mailbox.awaitMail(marie.email, "identité professionnelle");
        assertThat(refusalMail.from()).contains("cerbere@mipih.fr");
        assertThat(refusalMail.body()).contains(refused.get("rejectionReason").asString(), "soumettez-le à nouveau");

        marie.submitProfile("NATIONAL_ID", "RPPS", "99800000020", "21");
        String address = marie.awaitStatus("VALIDATION_PENDING").get("mssAddress").asString();
        marie.rejectAsReviewer(REVIEWER, "agent", "Le numéro de téléphone du cabinet est manquant.");
        JsonNode rejected = marie.awaitStatus("REJECTED");
        assertThat(rejected.get("rejectionReason").asString()).isEqualTo("Le numéro de téléphone du cabinet est manquant.");
        assertThat(mailbox.awaitMail(marie.email, "n'a pas été acceptée").body())
                .contains("Le numéro de téléphone du cabinet est manquant.", "soumettez-le à nouveau");

        marie.submitProfile("NATIONAL_ID", "RPPS", "99800000020", "21");
        JsonNode pendingAgain = marie.awaitStatus("VALIDATION_PENDING");
        assertThat(pendingAgain.get("mssAddress").asString()).as("the same address, never another").isEqualTo(address);
        marie.approveAsReviewer(REVIEWER, "agent");
        assertThat(marie.awaitStatus("VALIDATED").get("mssAddress").asString()).isEqualTo(address);
        assertThat(mailbox.awaitMail(marie.email, "compte est validé").body()).contains(address);
    }

    @Test
    void aValidatedIntMailboxAddsItsRppsAndBecomesPerKeepingItsAddressWithoutAStaffDecision() {
        RegistrationJourney yves = new RegistrationJourney(platform, mailbox, "Yves", "Le Gall");
        yves.register();
        yves.confirmEmailFromTheLinkInTheMail();
        yves.logIn();
        yves.submitProfile("FOREIGN_OR_IN_TRAINING", "FINESS", "310000013", "60");
        JsonNode pending = yves.awaitStatus("VALIDATION_PENDING");
        assertThat(pending.get("mailboxType").asString()).isEqualTo("INT");
        String address = pending.get("mssAddress").asString();
        yves.approveAsReviewer(REVIEWER, "agent");
        assertThat(yves.awaitStatus("VALIDATED").get("mailboxType").asString()).isEqualTo("INT");
        yves.signInWithTheEmailedCodeAndAcceptTheTerms();

        yves.submitProfile("NATIONAL_ID", "RPPS", "99800000038", "60", "VALIDATED");
        JsonNode per = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(yves::me, me -> "PER".equals(me.get("mailboxType").asString()));
        assertThat(per.get("status").asString()).isEqualTo("VALIDATED");
        assertThat(per.get("mssAddress").asString()).isEqualTo(address);
        Mailbox.Mail mail = mailbox.awaitMail(yves.email, "désormais personnelle (PER)");
        assertThat(mail.body()).contains(address);

        TestHttpClient.Answer queue = yves.client().get(yves.url("backoffice-service") + "/api/v1/reviews?status=PENDING",
                TestHttpClient.basic(REVIEWER, "agent"));
        assertThat(queue.body()).as("no new staff decision").doesNotContain(yves.registrationId);
    }

    @Test
    void twoAccountsSubmittingTheSameRppsAtOnceExactlyOneProceeds() throws Exception {
        RegistrationJourney first = new RegistrationJourney(platform, mailbox, "Elodie", "D'Arcy");
        RegistrationJourney second = new RegistrationJourney(platform, mailbox, "Elodie", "D'Arcy");
        for (RegistrationJourney journey : List.of(first, second)) {
            journey.register();
            journey.confirmEmailFromTheLinkInTheMail();
            journey.logIn();
        }
        inParallel(List.of(
                () -> { first.submitProfile("NATIONAL_ID", "RPPS", "99800000046", "70"); return null; },
                () -> { second.submitProfile("NATIONAL_ID", "RPPS", "99800000046", "70"); return null; }));

        List<JsonNode> outcomes = new ArrayList<>();
        for (RegistrationJourney journey : List.of(first, second)) {
            outcomes.add(Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(journey::me, me -> List.of("VALIDATION_PENDING", "IDENTITY_REJECTED").contains(me.get("status").asString())));
        }
        assertThat(outcomes).extracting(me -> me.get("status").asString())
                .containsExactlyInAnyOrder("VALIDATION_PENDING", "IDENTITY_REJECTED");
        JsonNode loser = outcomes.stream().filter(me -> me.get("status").asString().equals("IDENTITY_REJECTED")).findFirst().orElseThrow();
        assertThat(loser.get("rejectionCode").asString()).isEqualTo("IDENTIFIER_ALREADY_REGISTERED");
        JsonNode winner = outcomes.stream().filter(me -> me != loser).findFirst().orElseThrow();
        assertThat(loser.get("rejectionReason").asString()).contains("Mot de passe oublié", "0 820 250 035")
                .doesNotContain(winner.get("email").asString(), winner.get("registrationId").asString());
    }

    @Test
    void aHundredParallelRegistrationsOfOneAddressSendOneMail() throws Exception {
        RegistrationJourney burst = new RegistrationJourney(platform, mailbox, "Rafale", "Durand");
        Map<String, Object> form = burst.registrationForm().fields();
        List<Callable<Object>> registrations = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            registrations.add(() -> burst.client().send("POST", burst.url("registration-service") + "/api/v1/registrations",
                    form, Map.of()));
        }
        List<Object> answers = inParallel(registrations);
        assertThat(answers).allSatisfy(a -> assertThat(((TestHttpClient.Answer) a).status()).isEqualTo(202));

        // A later registration's mail arrives after every mail caused by the burst (one partition, read in order).
        RegistrationJourney marker = new RegistrationJourney(platform, mailbox, "Marqueur", "Durand");
        marker.register();
        mailbox.awaitMail(burst.email, "confirmez votre adresse");
        mailbox.awaitMail(marker.email, "confirmez votre adresse");
        assertThat(mailbox.read(burst.email)).hasSize(1);

        // The resend answers alike for every address and sends nothing within the minute.
        TestHttpClient.Answer resend = burst.client().send("POST", burst.url("registration-service") +
                "/api/v1/email-confirmations/resend", Map.of("email", burst.email), Map.of());
        assertThat(resend.status()).isEqualTo(202);
        TestHttpClient.Answer unknown = burst.client().send("POST", burst.url("registration-service") +
                "/api/v1/email-confirmations/resend", Map.of("email", "personne." + burst.email), Map.of());
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(resend.body());
    }

    private static List<Object> inParallel(List<Callable<Object>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(calls.size(), 32));
        try {
            List<Object> results = new ArrayList<>();
            for (Future<Object> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
