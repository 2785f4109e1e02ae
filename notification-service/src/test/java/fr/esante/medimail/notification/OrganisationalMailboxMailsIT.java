package fr.esante.medimail.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.OrganisationalMailboxClosed;
import fr.esante.medimail.events.OrganisationalMailboxMemberRemoved;
import fr.esante.medimail.schemas.Topics;

/** The e-mails of organisational mailboxes' later life: a member's access taken away, the mailbox closed by staff. */
class OrganisationalMailboxMailsIT extends NotificationIntegrationTest {

    @Test
    void theRemovedMemberIsToldOnceEvenWhenTheEventIsRedelivered() throws Exception {
        String email = "claire.morel." + UUID.randomUUID() + "@example.org";
        UUID owner = UUID.randomUUID();
        OrganisationalMailboxMemberRemoved event = OrganisationalMailboxMemberRemoved.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(owner).setOccurredAt(Instant.now())
                .setRequestId(UUID.randomUUID()).setAddress("secretariat@finess-310000013.oc.mssante.fr")
                .setLabel("Secrétariat").setMemberAccountId(UUID.randomUUID()).setMemberEmail(email)
                .setOwnerLastName("DURAND").setOwnerFirstName("Jean").build();

        Map<String, String> mail = mailFor(Topics.ORGANISATIONAL_MAILBOX_MEMBER_REMOVED, owner, event, email);
        kafka.send(Topics.ORGANISATIONAL_MAILBOX_MEMBER_REMOVED.name(), owner.toString(),
                serializer.serialize(Topics.ORGANISATIONAL_MAILBOX_MEMBER_REMOVED.name(), event));

        assertThat(mail.get("subject")).isEqualTo("Medimail : votre accès à une boîte organisationnelle a été retiré");
        assertThat(mail.get("text/plain")).contains("Jean DURAND", "retiré l’accès", "Secrétariat",
                "secretariat@finess-310000013.oc.mssante.fr");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> messagesTo(email).length == 1);
        assertThat(jdbc.sql("SELECT count(*) FROM sent_email WHERE account_id = :id AND template = 'org-mailbox-member-removed'")
                .param("id", event.getMemberAccountId()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theOwnerIsToldThatStaffClosedTheMailbox() throws Exception {
        String email = "anne.roux." + UUID.randomUUID() + "@example.org";
        OrganisationalMailboxClosed event = OrganisationalMailboxClosed.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setRequestId(UUID.randomUUID()).setAddress("accueil@siret-73282932000074.oc.mssante.fr")
                .setLabel("Accueil").setRequesterEmail(email).setRequesterLastName("ROUX").setRequesterFirstName("Anne")
                .build();

        Map<String, String> mail = mailFor(Topics.ORGANISATIONAL_MAILBOX_CLOSED, event.getAccountId(), event, email);

        assertThat(mail.get("subject")).isEqualTo("Medimail : votre boîte organisationnelle a été fermée");
        assertThat(mail.get("text/plain")).contains("Bonjour Anne", "a fermé votre boîte organisationnelle", "Accueil",
                "accueil@siret-73282932000074.oc.mssante.fr", "ne sera attribuée à personne d'autre");
        assertThat(mail.get("text/html")).contains("lang=\"fr\"");
    }
}
