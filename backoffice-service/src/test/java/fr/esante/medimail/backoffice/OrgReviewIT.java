package fr.esante.medimail.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.DirectoryEntry;
import fr.esante.medimail.events.OrganisationalAddressAssigned;
import fr.esante.medimail.events.OrganisationalMailboxClosed;
import fr.esante.medimail.events.OrganisationalMailboxDecided;
import fr.esante.medimail.schemas.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Organisational (ORG) requests in the staff queue: kind ORG with the request and requester, approval (announced,
 * audited, published to the directory feed as type ORG), 409 on a second decision, rejection with the reason,
 * closure by an ADMIN (tombstone, announced to the owner's service once), and problems for unknown ids.
 */
class OrgReviewIT extends BackofficeIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anOrgRequestIsQueuedApprovedOncePublishedAndClosed() {
        OrganisationalAddressAssigned request = assigned("accueil-" + UUID.randomUUID().toString().substring(0, 8));
        send(Topics.ORGANISATIONAL_ADDRESS_ASSIGNED, request.getAccountId(), request);
        send(Topics.ORGANISATIONAL_ADDRESS_ASSIGNED, request.getAccountId(), request); // redelivered: still one item

        JsonNode item = awaitOrgItem(request.getRequestId(), "PENDING");
        assertThat(item.get("kind").asString()).isEqualTo("ORG");
        assertThat(item.get("registrationId").asString()).isEqualTo(request.getAccountId().toString());
        assertThat(item.get("lastName").asString()).isEqualTo("DURAND");
        assertThat(item.get("email").asString()).isEqualTo("jean.durand@example.org");
        assertThat(item.get("identifier").asString()).isEqualTo("340000017");
        assertThat(item.get("mssAddress").asString()).isEqualTo(request.getAddress());
        assertThat(reviews("PENDING", r -> request.getRequestId().toString().equals(r.path("requestId").asString()))).hasSize(1);

        String id = item.get("id").asString();
        Response approved = post("/api/v1/reviews/" + id + "/approval", null, reviewer());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        Response again = post("/api/v1/reviews/" + id + "/rejection", rejection("Trop tard"), reviewer());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("REVIEW_ALREADY_DECIDED");
        assertThat(again.json().get("detail").asString()).contains("validée", "agent");

        OrganisationalMailboxDecided decided = awaitEvents(Topics.ORGANISATIONAL_MAILBOX_DECIDED, request.getAccountId()).get(0);
        assertThat(decided.getApproved()).isTrue();
        assertThat(decided.getAddress()).isEqualTo(request.getAddress());
        DirectoryEntry entry = Topics.DIRECTORY_ENTRIES.valueDeserializer(SERDE).deserialize(Topics.DIRECTORY_ENTRIES.name(),
                directoryRecords(request.getAddress(), 1).get(0).value());
        assertThat(entry.getMailboxType()).isEqualTo("ORG");
        assertThat(entry.getStructureIdentifier()).isEqualTo("340000017");
        assertThat(entry.getOrganisationName()).isEqualTo("CLINIQUE FICTIVE");
        assertThat(entry.getLastName()).isNull();
        assertThat(get("/api/v1/organisational-mailboxes/" + id + "/directory-entry", reviewer()).json()
                .get("mailboxType").asString()).isEqualTo("ORG");
        JsonNode audit = get("/api/v1/audit-records?subjectId=" + id, reviewer()).json();
        assertThat(audit.toString()).contains("ORG_REVIEW_APPROVED", "agent");

        assertThat(post("/api/v1/organisational-mailboxes/" + id + "/closure", null, reviewer()).status())
                .as("closing is for ADMIN").isEqualTo(403);
        Response closed = post("/api/v1/organisational-mailboxes/" + id + "/closure", null, admin());
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        List<ConsumerRecord<String, byte[]>> records = directoryRecords(request.getAddress(), 2);
        assertThat(records.get(1).value()).as("a tombstone").isNull();
        assertThat(get("/api/v1/organisational-mailboxes/" + id + "/directory-entry", reviewer()).status()).isEqualTo(404);
        OrganisationalMailboxClosed announced = awaitEvents(Topics.ORGANISATIONAL_MAILBOX_CLOSED, request.getAccountId()).get(0);
        assertThat(announced.getRequestId()).isEqualTo(request.getRequestId());
        assertThat(announced.getAddress()).isEqualTo(request.getAddress());
        assertThat(announced.getRequesterEmail()).isEqualTo("jean.durand@example.org");
        Response twice = post("/api/v1/organisational-mailboxes/" + id + "/closure", null, admin());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asString()).contains("validée et ouverte");
        // A second closure announces nothing more.
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = :topic AND record_key = :key")
                .param("topic", Topics.ORGANISATIONAL_MAILBOX_CLOSED.name()).param("key", request.getAccountId().toString())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anOrgRequestIsRejectedWithItsReasonAndUnknownIdsAreProblems() {
        OrganisationalAddressAssigned request = assigned("compta-" + UUID.randomUUID().toString().substring(0, 8));
        send(Topics.ORGANISATIONAL_ADDRESS_ASSIGNED, request.getAccountId(), request);
        String id = awaitOrgItem(request.getRequestId(), "PENDING").get("id").asString();

        Response noReason = post("/api/v1/reviews/" + id + "/rejection", rejection(" "), reviewer());
        assertThat(noReason.status()).isEqualTo(400);
        Response rejected = post("/api/v1/reviews/" + id + "/rejection",
                rejection("Cette structure dispose déjà d'une boîte pour cet usage."), reviewer());
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

        OrganisationalMailboxDecided decided = awaitEvents(Topics.ORGANISATIONAL_MAILBOX_DECIDED, request.getAccountId()).get(0);
        assertThat(decided.getApproved()).isFalse();
        assertThat(decided.getReason()).isEqualTo("Cette structure dispose déjà d'une boîte pour cet usage.");
        assertThat(awaitOrgItem(request.getRequestId(), "REJECTED").get("rejectionReason").asString()).contains("déjà");
        assertThat(get("/api/v1/organisational-mailboxes/" + id + "/directory-entry", reviewer()).status()).isEqualTo(404);

        Response unknown = post("/api/v1/reviews/" + UUID.randomUUID() + "/approval", null, reviewer());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(post("/api/v1/organisational-mailboxes/" + UUID.randomUUID() + "/closure", null, admin()).status())
                .isEqualTo(404);
    }

    private JsonNode awaitOrgItem(UUID requestId, String status) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<JsonNode> found = reviews(status, r -> requestId.toString().equals(r.path("requestId").asString()));
            return found.isEmpty() ? null : found.get(0);
        }, r -> r != null);
    }

    private List<ConsumerRecord<String, byte[]>> directoryRecords(String address, int atLeast) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(
                () -> kafka.awaitRecords(Topics.DIRECTORY_ENTRIES.name(), r -> address.equals(r.key()), Duration.ofSeconds(30)),
                records -> records.size() >= atLeast);
    }

    private static OrganisationalAddressAssigned assigned(String localPart) {
        UUID owner = UUID.randomUUID();
        return OrganisationalAddressAssigned.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(owner).setOccurredAt(Instant.now())
                .setRequestId(UUID.randomUUID()).setLabel("Accueil").setStructureIdentifierType("FINESS")
                .setStructureIdentifier("340000017").setPurpose("Accueil des patients")
                .setRequesterRegistrationId(owner.toString()).setRequesterLastName("DURAND").setRequesterFirstName("Jean")
                .setRequesterEmail("jean.durand@example.org").setStructureName("CLINIQUE FICTIVE")
                .setAddress(localPart + "@finess-340000017.oc.mssante.fr")
                .build();
    }
}
