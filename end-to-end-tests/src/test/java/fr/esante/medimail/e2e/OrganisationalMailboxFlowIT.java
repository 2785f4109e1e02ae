package fr.esante.medimail.e2e;

import static fr.esante.medimail.testsupport.TestHttpClient.basic;
import static fr.esante.medimail.testsupport.TestHttpClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.esante.medimail.testsupport.TestHttpClient;
import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.events.DirectoryEntry;
import fr.esante.medimail.local.EmbeddedPlatformInfrastructure;
import fr.esante.medimail.local.LocalPlatform;
import fr.esante.medimail.local.PlatformServices;
import tools.jackson.databind.JsonNode;

/**
 * Organisational (ORG) mailboxes end to end with the five services: a validated account requests one for a structure,
 * identity-verification-service checks the structure, mss-address-service reserves the address, staff approve it in
 * the review queue (kind ORG), the directory feed carries it, the owner adds a colleague and removes them (mails),
 * staff close it (tombstone; owner and member see it closed, the owner is mailed, members no longer change).
 * Structures with a wrong key or unknown to the directory are refused with a French reason and a mail.
 */
class OrganisationalMailboxFlowIT {

    private static final String STAFF = LocalPlatform.SEEDED_REVIEWER;
    private static final String ORG = "/api/v1/me/organisational-mailboxes";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static EmbeddedInfrastructure infrastructure;
    private static PlatformServices platform;
    private static Mailbox mailbox;

    @BeforeAll
    static void startPlatform() {
        infrastructure = EmbeddedInfrastructure.shared();
        Map<String, Map<String, Object>> settings = new HashMap<>(LocalPlatform.localSettings());
        Map<String, Object> backoffice = new HashMap<>(settings.get("backoffice-service"));
        backoffice.put("medimail.backoffice.staff[0].roles", "REVIEWER,ADMIN"); // closing a mailbox is for ADMIN
        settings.put("backoffice-service", backoffice);
        platform = PlatformServices.start(new EmbeddedPlatformInfrastructure(infrastructure), true, settings);
        mailbox = new Mailbox("127.0.0.1", infrastructure.imapPort());
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @Test
    void aValidatedAccountGetsAnOrgMailboxApprovedByStaffPublishedSharedAndClosed() {
        RegistrationJourney owner = validatedIntAccount("Claire", "Orgtitulaire");
        RegistrationJourney colleague = validatedIntAccount("Paul", "Orgmembre");
        String label = "Secrétariat " + letters();

        TestHttpClient.Answer requested = owner.client().send("POST", owner.url("registration-service") + ORG, Map.of(
                "label", label, "structureIdentifierType", "FINESS", "structureIdentifier", "340000017",
                "purpose", "Recevoir les comptes rendus adressés au secrétariat"), bearer(owner.accessToken));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(requested.json().get("status").asString()).isEqualTo("VALIDATION_PENDING");
        String requestId = requested.json().get("requestId").asString();

        JsonNode item = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> orgItem(owner, requestId), java.util.Objects::nonNull);
        String address = "secretariat-" + label.substring("Secrétariat ".length()) + "@finess-340000017.oc.mssante.fr";
        assertThat(item.get("kind").asString()).isEqualTo("ORG");
        assertThat(item.get("registrationId").asString()).isEqualTo(owner.registrationId);
        assertThat(item.get("lastName").asString()).isEqualTo("Orgtitulaire");
        assertThat(item.get("email").asString()).isEqualTo(owner.email);
        assertThat(item.get("mssAddress").asString()).isEqualTo(address);
        assertThat(list(owner).get(0).get("address").asString()).as("proposed address shown").isEqualTo(address);

        String reviewId = item.get("id").asString();
        TestHttpClient.Answer approved = owner.client().send("POST", owner.url("backoffice-service") +
                "/api/v1/reviews/" + reviewId + "/approval", Map.of(), basic(STAFF, "agent"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        TestHttpClient.Answer twice = owner.client().send("POST", owner.url("backoffice-service") +
                "/api/v1/reviews/" + reviewId + "/rejection", Map.of("reason", "Trop tard"), basic(STAFF, "agent"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("REVIEW_ALREADY_DECIDED");

        JsonNode validated = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> list(owner).get(0), m -> "VALIDATED".equals(m.get("status").asString()));
        assertThat(validated.get("address").asString()).isEqualTo(address);
        assertThat(mailbox.awaitMail(owner.email, "boîte organisationnelle est ouverte").body()).contains(address, label);

        DirectoryEntry entry = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> replayDirectory().get(address), java.util.Objects::nonNull);
        assertThat(entry.getMailboxType()).isEqualTo("ORG");
        assertThat(entry.getStructureIdentifier()).isEqualTo("340000017");
        assertThat(entry.getLastName()).isNull();
        assertThat(entry.getServiceName()).isEqualTo(label);

        TestHttpClient.Answer added = owner.client().send("POST", owner.url("registration-service") +
                ORG + "/" + requestId + "/members", Map.of("email", colleague.email), bearer(owner.accessToken));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(mailbox.awaitMail(colleague.email, "accès à une boîte organisationnelle").body()).contains(address);
        assertThat(list(colleague).get(0).get("address").asString()).isEqualTo(address);
        TestHttpClient.Answer byColleague = colleague.client().send("POST", colleague.url("registration-service") +
                ORG + "/" + requestId + "/members", Map.of("email", owner.email), bearer(colleague.accessToken));
        assertThat(byColleague.status()).isEqualTo(403);
        TestHttpClient.Answer removedByColleague = colleague.client().delete(colleague.url("registration-service") +
                ORG + "/" + requestId + "/members/" + colleague.email, bearer(colleague.accessToken));
        assertThat(removedByColleague.status()).as("only the owner removes members").isEqualTo(403);

        TestHttpClient.Answer removed = owner.client().delete(owner.url("registration-service") +
                ORG + "/" + requestId + "/members/" + colleague.email, bearer(owner.accessToken));
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(mailbox.awaitMail(colleague.email, "a été retiré").body()).contains(address, label);
        assertThat(list(colleague)).as("the former member no longer sees it").isEmpty();
        TestHttpClient.Answer addedAgain = owner.client().send("POST", owner.url("registration-service") +
                ORG + "/" + requestId + "/members", Map.of("email", colleague.email), bearer(owner.accessToken));
        assertThat(addedAgain.status()).as(addedAgain.body()).isEqualTo(200);

        TestHttpClient.Answer closed = owner.client().send("POST", owner.url("backoffice-service") +
                "/api/v1/organisational-mailboxes/" + reviewId + "/closure", Map.of(), basic(STAFF, "agent"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> !replayDirectory().containsKey(address));
        // The owner's and the member's service learn the closure; the owner is e-mailed; members no longer change.
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> "CLOSED".equals(list(owner).get(0).get("status").asString()));
        assertThat(list(colleague).get(0).get("status").asString()).isEqualTo("CLOSED");
        assertThat(mailbox.awaitMail(owner.email, "boîte organisationnelle a été fermée").body()).contains(address, label);
        TestHttpClient.Answer removedAfterClosure = owner.client().delete(owner.url("registration-service") +
                ORG + "/" + requestId + "/members/" + colleague.email, bearer(owner.accessToken));
        assertThat(removedAfterClosure.status()).isEqualTo(409);
        assertThat(removedAfterClosure.json().get("code").asString()).isEqualTo("ORG_MAILBOX_CLOSED");
    }

    @Test
    void aStructureWithAWrongKeyOrUnknownToTheDirectoryIsRefusedInFrenchAndNeverReachesStaff() {
        RegistrationJourney owner = validatedIntAccount("Lucie", "Orgrefus");

        String wrongKey = request(owner, "Accueil", "SIRET", "73282932000075");
        String unknown = request(owner, "Accueil", "FINESS", "310000021");

        JsonNode refusedKey = awaitOrg(owner, wrongKey, "REJECTED");
        assertThat(refusedKey.get("rejectionReason").asString()).contains("clé de contrôle");
        JsonNode refusedUnknown = awaitOrg(owner, unknown, "REJECTED");
        assertThat(refusedUnknown.get("rejectionReason").asString()).contains("annuaire santé national");
        assertThat(mailbox.awaitMail(owner.email, "boîte organisationnelle n'a pas été acceptée").body())
                .contains("Que faire");
        TestHttpClient.Answer queue = owner.client().get(owner.url("backoffice-service") + "/api/v1/reviews?status=PENDING",
                basic(STAFF, "agent"));
        assertThat(queue.body()).doesNotContain(wrongKey, unknown);

        TestHttpClient.Answer badLabel = owner.client().send("POST", owner.url("registration-service") + ORG, Map.of(
                "label", "", "structureIdentifierType", "FINESS", "structureIdentifier", "340000017", "purpose", "x"),
                bearer(owner.accessToken));
        assertThat(badLabel.status()).isEqualTo(400);
        assertThat(badLabel.contentType()).startsWith("application/problem+json");
        assertThat(badLabel.body()).contains("\"field\":\"label\"", "\"code\":\"REQUIRED\"");
        assertThat(list(owner)).hasSize(2);
    }

    /** A validated INT account (FINESS 310000013, no RPPS to keep unique), signed in with code and terms. */
    private static RegistrationJourney validatedIntAccount(String firstName, String lastName) {
        RegistrationJourney journey = new RegistrationJourney(platform, mailbox, firstName, lastName);
        journey.validatedBy(STAFF, "agent", "FOREIGN_OR_IN_TRAINING", "FINESS", "310000013", "60");
        journey.awaitStatus("VALIDATED");
        journey.signInWithTheEmailedCodeAndAcceptTheTerms();
        return journey;
    }

    private static String request(RegistrationJourney owner, String label, String type, String identifier) {
        TestHttpClient.Answer answer = owner.client().send("POST", owner.url("registration-service") + ORG, Map.of(
                "label", label, "structureIdentifierType", type, "structureIdentifier", identifier, "purpose", "Accueil"),
                bearer(owner.accessToken));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().get("requestId").asString();
    }

    private static JsonNode awaitOrg(RegistrationJourney owner, String requestId, String status) {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
            for (JsonNode m : list(owner)) {
                if (requestId.equals(m.get("requestId").asString()) && status.equals(m.get("status").asString())) {
                    return m;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }

    private static JsonNode list(RegistrationJourney journey) {
        TestHttpClient.Answer answer = journey.client().get(journey.url("registration-service") + ORG, bearer(journey.accessToken));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode orgItem(RegistrationJourney owner, String requestId) {
        TestHttpClient.Answer queue = owner.client().get(owner.url("backoffice-service") + "/api/v1/reviews?status=PENDING",
                basic(STAFF, "agent"));
        for (JsonNode review : queue.json()) {
            if (requestId.equals(review.path("requestId").asString())) {
                return review;
            }
        }
        return null;
    }

    private static Map<String, DirectoryEntry> replayDirectory() {
        return DirectoryFeed.replay(infrastructure.kafkaBootstrapServers());
    }

    private static String letters() {
        return UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6);
    }
}
