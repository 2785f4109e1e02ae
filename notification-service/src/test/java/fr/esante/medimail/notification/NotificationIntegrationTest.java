package fr.esante.medimail.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.embedded.EmbeddedInfrastructureInitializer;
import fr.esante.medimail.embedded.KafkaTestClient;
import fr.esante.medimail.schemas.Topic;
import fr.esante.medimail.schemas.serde.AvroSerializer;
import fr.esante.medimail.support.secrets.SecretTokens;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The service on the shared embedded infrastructure: events in through Kafka as their producers publish them, e-mails
 * out to the embedded mail server, where a test reads them.
 */
@SpringBootTest(classes = NotificationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=notification-service")
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
abstract class NotificationIntegrationTest {

    protected static final Map<String, String> SERDE = Map.of("schema.registry.url", "mock://medimail");

    @Autowired
    protected SecretTokens secrets;
    @Autowired
    protected JdbcClient jdbc;

    protected final EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
    protected final KafkaTestClient kafka = new KafkaTestClient(infrastructure.kafkaBootstrapServers());
    protected final AvroSerializer serializer = new AvroSerializer();

    {
        serializer.configure(SERDE, false);
    }

    /** Sends the event, waits for its one e-mail, and returns its subject and its text and HTML parts. */
    protected <V extends SpecificRecord> Map<String, String> mailFor(Topic<V> topic, UUID accountId, V event, String email)
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

    protected MimeMessage[] messagesTo(String email) {
        return Arrays.stream(infrastructure.mail().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (Exception e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
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
}
