package fr.esante.medimail.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.embedded.EmbeddedInfrastructureInitializer;
import fr.esante.medimail.embedded.KafkaTestClient;
import fr.esante.medimail.events.AccountRequested;
import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.schemas.serde.AvroSerializer;
import fr.esante.medimail.support.secrets.SecretTokens;
import jakarta.mail.internet.MimeMessage;

@SpringBootTest(classes = NotificationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=notification-service")
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
class NotificationFlowIT {

    private static final Map<String, String> SERDE = Map.of("schema.registry.url", "mock://medimail");

    @Autowired
    SecretTokens secrets;
    @Autowired
    JdbcClient jdbc;

    private final EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
    private final KafkaTestClient kafka = new KafkaTestClient(infrastructure.kafkaBootstrapServers());
    private final AvroSerializer serializer = new AvroSerializer();

    {
        serializer.configure(SERDE, false);
    }

    @Test
    void accountRequestedSendsTheConfirmationLinkFromCerbereOnceEvenWhenRedelivered() throws Exception {
        String email = "jean.durand." + UUID.randomUUID() + "@example.org";
        AccountRequested event = accountRequested(email, "le-jeton-secret");
        byte[] value = serializer.serialize(Topics.ACCOUNT_REQUESTED.name(), event);

        kafka.send(Topics.ACCOUNT_REQUESTED.name(), event.getAccountId().toString(), value);
        kafka.send(Topics.ACCOUNT_REQUESTED.name(), event.getAccountId().toString(), value);

        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(email), m -> m.length >= 1)[0];
        assertThat(mail.getFrom()[0].toString()).contains("cerbere@mipih.fr");
        assertThat(mail.getSubject()).isEqualTo("Medimail : confirmez votre adresse e-mail");
        String body = (String) mail.getContent();
        assertThat(body).contains("Bonjour Jean DURAND").contains("/confirmation?token=le-jeton-secret");

        // The duplicate is recognised by its event id. Records of one partition are handled in order, so once a
        // later marker event was mailed, the duplicate has been handled too: still one e-mail.
        String markerEmail = "marker." + UUID.randomUUID() + "@example.org";
        AccountRequested marker = accountRequested(markerEmail, "jeton-marqueur");
        kafka.send(Topics.ACCOUNT_REQUESTED.name(), marker.getAccountId().toString(),
                serializer.serialize(Topics.ACCOUNT_REQUESTED.name(), marker));
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(markerEmail), m -> m.length == 1);
        assertThat(messagesTo(email)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM sent_email WHERE account_id = :id").param("id", event.getAccountId())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aCorruptRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextOneIsStillHandled() {
        String key = UUID.randomUUID().toString();
        byte[] garbage = "not an avro record".getBytes();
        kafka.send(Topics.ACCOUNT_REQUESTED.name(), key, garbage);

        String email = "marie.dupont." + UUID.randomUUID() + "@example.org";
        AccountRequested next = accountRequested(email, "autre-jeton");
        kafka.send(Topics.ACCOUNT_REQUESTED.name(), next.getAccountId().toString(),
                serializer.serialize(Topics.ACCOUNT_REQUESTED.name(), next));

        var dead = kafka.awaitRecords("error." + Topics.ACCOUNT_REQUESTED.name() + ".notification-service",
                r -> key.equals(r.key()), Duration.ofSeconds(60));
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(KafkaTestClient.header(dead.get(0), "x-exception-message")).contains("Unknown magic byte");
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(email), m -> m.length == 1);
    }

    @Test
    void accountValidatedTellsTheHolderTheirMssAddress() throws Exception {
        String email = "yves.legall." + UUID.randomUUID() + "@example.org";
        AccountValidated event = AccountValidated.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setMssAddress("yves.le-gall@infirmier.oc.mssante.fr").setMailboxType("PER")
                .setLastName("LE GALL").setFirstName("Yves").setEmail(email).setProfession("60")
                .setIdentifierType("RPPS").setIdentifier("99800000038").setLiberal(false).setRegion("76")
                .setDirectoryVisible(true).setPaperless(true).setValidatedAt(Instant.now()).setValidatedBy("agent")
                .build();
        kafka.send(Topics.ACCOUNT_VALIDATED.name(), event.getAccountId().toString(),
                serializer.serialize(Topics.ACCOUNT_VALIDATED.name(), event));

        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(email), m -> m.length == 1)[0];
        assertThat(mail.getSubject()).isEqualTo("Medimail : votre compte est validé");
        assertThat((String) mail.getContent()).contains("yves.le-gall@infirmier.oc.mssante.fr");
    }

    private AccountRequested accountRequested(String email, String token) {
        return AccountRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setLastName("DURAND").setFirstName("Jean").setEmail(email).setRegion("76")
                .setSealedConfirmationToken(secrets.seal(token))
                .setConfirmationExpiresAt(Instant.now().plus(Duration.ofHours(24)))
                .build();
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
