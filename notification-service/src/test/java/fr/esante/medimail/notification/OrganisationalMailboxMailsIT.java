package fr.esante.medimail.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.embedded.EmbeddedInfrastructureInitializer;
import fr.esante.medimail.embedded.KafkaTestClient;
import fr.esante.medimail.events.OrganisationalMailboxClosed;
import fr.esante.medimail.events.OrganisationalMailboxMemberRemoved;
import fr.esante.medimail.schemas.Topic;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.schemas.serde.AvroSerializer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The e-mails of organisational mailboxes' later life: a member's access taken away, the mailbox closed by staff. */
@SpringBootTest(classes = NotificationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=notification-service")
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
class OrganisationalMailboxMailsIT {

    @Autowired
    JdbcClient jdbc;

    private final EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
    private final KafkaTestClient kafka = new KafkaTestClient(infrastructure.kafkaBootstrapServers());
    private final AvroSerializer serializer = new AvroSerializer();

    {
        serializer.configure(Map.of("schema.registry.url", "mock://medimail"), false);
    }

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

    /** Sends the event, waits for its one e-mail, and returns its subject and its text and HTML parts. */
    private <V extends SpecificRecord> Map<String, String> mailFor(Topic<V> topic, UUID accountId, V event, String email)
            throws Exception {
        kafka.send(topic.name(), accountId.toString(), serializer.serialize(topic.name(), event));
        MimeMessage message = await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(email), m -> m.length == 1)[0];
        assertThat(message.getFrom()[0].toString()).contains("cerbere@mipih.fr");
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("subject", message.getSubject());
        collect(message, parts);
        assertThat(parts).containsKeys("text/plain", "text/html");
        return parts;
    }

    private static void collect(Part part, Map<String, String> parts) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, parts);
            }
        } else if (part.isMimeType("text/plain")) {
            parts.put("text/plain", (String) part.getContent());
        } else if (part.isMimeType("text/html")) {
            parts.put("text/html", (String) part.getContent());
        }
    }

    private MimeMessage[] messagesTo(String email) {
        return Arrays.stream(infrastructure.mail().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (Exception e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
    }
}
