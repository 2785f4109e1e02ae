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
import fr.esante.medimail.events.OneTimeCodeRequested;
import fr.esante.medimail.events.PasswordChanged;
import fr.esante.medimail.events.PasswordResetRequested;
import fr.esante.medimail.events.SignInLocked;
import fr.esante.medimail.schemas.Topic;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.schemas.serde.AvroSerializer;
import fr.esante.medimail.support.secrets.SecretTokens;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The sign-in e-mails: one-time code, lock, password changed, reset link; French, plain text and HTML, from cerbere. */
@SpringBootTest(classes = NotificationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=notification-service")
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
class SignInMailsIT {

    @Autowired
    SecretTokens secrets;
    @Autowired
    JdbcClient jdbc;

    private final EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
    private final KafkaTestClient kafka = new KafkaTestClient(infrastructure.kafkaBootstrapServers());
    private final AvroSerializer serializer = new AvroSerializer();

    {
        serializer.configure(Map.of("schema.registry.url", "mock://medimail"), false);
    }

    @Test
    void theOneTimeCodeIsMailedOpenedFromItsSealAndNotKept() throws Exception {
        String email = "jean.durand." + UUID.randomUUID() + "@example.org";
        OneTimeCodeRequested event = OneTimeCodeRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setEmail(email).setFirstName("Jean").setLastName("DURAND").setSealedCode(secrets.seal("493817"))
                .setExpiresAt(Instant.now().plus(Duration.ofMinutes(10))).build();

        Map<String, String> mail = mailFor(Topics.ONE_TIME_CODE_REQUESTED, event.getAccountId(), event, email);

        assertThat(mail.get("subject")).isEqualTo("Medimail : votre code de connexion");
        assertThat(mail.get("text/plain")).contains("Bonjour Jean DURAND", "493817", "Ne le communiquez à personne");
        assertThat(mail.get("text/html")).contains("493817", "lang=\"fr\"");
        assertThat(jdbc.sql("SELECT template FROM sent_email WHERE account_id = :id").param("id", event.getAccountId())
                .query(String.class).single()).isEqualTo("one-time-code");
    }

    @Test
    void theLockIsToldWithTheTimeItEnds() throws Exception {
        String email = "marie.martin." + UUID.randomUUID() + "@example.org";
        SignInLocked event = SignInLocked.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setEmail(email).setFirstName("Marie").setLockedUntil(Instant.parse("2026-12-02T10:05:00Z")).build();

        Map<String, String> mail = mailFor(Topics.SIGN_IN_LOCKED, event.getAccountId(), event, email);

        assertThat(mail.get("subject")).isEqualTo("Medimail : connexion suspendue après plusieurs échecs");
        assertThat(mail.get("text/plain")).contains("Bonjour Marie", "2 décembre 2026 à 11h05", "Mot de passe oublié");
        assertThat(mail.get("text/html")).contains("2 décembre 2026 à 11h05");
    }

    @Test
    void aPasswordChangeIsToldAndSaysWhetherItWasAReset() throws Exception {
        String email = "paul.bernard." + UUID.randomUUID() + "@example.org";
        PasswordChanged event = PasswordChanged.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setEmail(email).setFirstName("Paul").setThroughReset(true).build();

        Map<String, String> mail = mailFor(Topics.PASSWORD_CHANGED, event.getAccountId(), event, email);

        assertThat(mail.get("subject")).isEqualTo("Medimail : votre mot de passe a été modifié");
        assertThat(mail.get("text/plain")).contains("réinitialisé", "Toutes les sessions").doesNotContain("Les autres sessions");
        assertThat(mail.get("text/html")).contains("réinitialisé").doesNotContain("Les autres sessions");
    }

    @Test
    void theResetLinkPointsAtTheResetPage() throws Exception {
        String email = "lea.petit." + UUID.randomUUID() + "@example.org";
        PasswordResetRequested event = PasswordResetRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setEmail(email).setFirstName("Léa").setSealedResetToken(secrets.seal("jeton-de-reinit"))
                .setExpiresAt(Instant.now().plus(Duration.ofHours(1))).build();

        Map<String, String> mail = mailFor(Topics.PASSWORD_RESET_REQUESTED, event.getAccountId(), event, email);

        assertThat(mail.get("subject")).isEqualTo("Medimail : réinitialisation de votre mot de passe");
        assertThat(mail.get("text/plain")).contains("Bonjour Léa", "/mot-de-passe/reinitialiser?token=jeton-de-reinit");
        assertThat(mail.get("text/html")).contains("/mot-de-passe/reinitialiser?token=jeton-de-reinit");
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
