package fr.esante.medimail.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.embedded.KafkaTestClient;
import fr.esante.medimail.events.AccountRequested;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.schemas.serde.AvroSerializer;
import fr.esante.medimail.support.secrets.SecretTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;

/**
 * The fault the fault-injection suite found: PostgreSQL goes down just as the SMTP server accepts an e-mail, before
 * notification-service recorded it. Its own PostgreSQL (stopped and started again on the same data directory) and its
 * own SMTP server, which stops the database from inside the delivery of the e-mail, before it answers "250": the
 * service sees the acceptance with its database already gone. The e-mail must arrive once, not again when the event
 * is handled again.
 */
@SpringBootTest(classes = NotificationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=notification-service")
@ContextConfiguration(initializers = MailDeliveryDatabaseOutageIT.OwnDatabaseAndMailServer.class)
@DirtiesContext
class MailDeliveryDatabaseOutageIT {

    private static final String DATABASE = "notification_outage";
    private static final Duration DATABASE_DOWN = Duration.ofSeconds(3);
    private static Path dataDirectory;
    private static int postgresPort;
    private static volatile EmbeddedPostgres postgres;
    private static GreenMail mailServer;
    /** The recipient whose e-mail stops the database when it reaches the SMTP server (once). */
    private static volatile String outageRecipient;
    private static final AtomicBoolean outageDone = new AtomicBoolean();
    private static volatile Thread restart;

    @Autowired
    SecretTokens secrets;

    private final KafkaTestClient kafka = new KafkaTestClient(EmbeddedInfrastructure.shared().kafkaBootstrapServers());
    private final AvroSerializer serializer = new AvroSerializer();

    {
        serializer.configure(Map.of("schema.registry.url", "mock://medimail"), false);
    }

    @BeforeAll
    static void startDatabaseAndMailServer() throws Exception {
        dataDirectory = Files.createTempDirectory("notification-outage-pg");
        postgresPort = freePort();
        startPostgres();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        mailServer = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        MessageDeliveryHandler store = mailServer.getManagers().getUserManager().getMessageDeliveryHandler();
        mailServer.getManagers().getUserManager().setMessageDeliveryHandler((message, address) -> {
            var user = store.handle(message, address);
            if (address.getEmail().equals(outageRecipient) && outageDone.compareAndSet(false, true)) {
                stopDatabaseForAWhile();
            }
            return user;
        });
        mailServer.start();
    }

    @AfterAll
    static void awaitTheDatabaseRestart() throws InterruptedException {
        if (restart != null) {
            restart.join();
        }
    }

    /**
     * Once the service's context is closed (after the class, {@code @DirtiesContext}), not before: its consumers (a group
     * of their own) would otherwise receive the next test classes' events and retry them against a stopped database, and
     * stopping them would wait for those retries (two minutes of the build).
     */
    private static void stopDatabaseAndMailServer() throws IOException {
        mailServer.stop();
        postgres.close();
    }

    @Test
    void anEmailAcceptedJustBeforeTheDatabaseWentDownIsNotSentAgain() throws Exception {
        String email = "jean.panne." + UUID.randomUUID() + "@example.org";
        outageRecipient = email;
        AccountRequested event = AccountRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setLastName("PANNE").setFirstName("Jean").setEmail(email).setRegion("76")
                .setSealedConfirmationToken(secrets.seal("jeton-de-la-panne"))
                .setConfirmationExpiresAt(Instant.now().plus(Duration.ofHours(24)))
                .build();
        kafka.send(Topics.ACCOUNT_REQUESTED.name(), event.getAccountId().toString(),
                serializer.serialize(Topics.ACCOUNT_REQUESTED.name(), event));

        // Handled for good once the event is recorded as processed (then the record is acknowledged): nothing after
        // that point sends it again.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> processed(event.getEventId()));
        assertThat(outageDone).as("the database was stopped at the SMTP acceptance").isTrue();
        assertThat(messagesTo(email)).as("confirmation e-mails received").hasSize(1);
        assertThat(messagesTo(email)[0].getMessageID()).isEqualTo("<" + event.getEventId() + ".confirmation-requested@medimail.mipih.fr>");
    }

    private static boolean processed(UUID eventId) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM processed_event WHERE event_id = ?")) {
            statement.setObject(1, eventId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            return false; // still down
        }
    }

    /** Stops PostgreSQL at once (inside the SMTP delivery), and starts it again on the same data a little later. */
    private static void stopDatabaseForAWhile() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        restart = new Thread(() -> {
            try {
                Thread.sleep(DATABASE_DOWN.toMillis());
                startPostgres();
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL did not start again", e);
            }
        }, "postgres-restart");
        restart.start();
    }

    private static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setPort(postgresPort)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start();
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + DATABASE;
    }

    private static MimeMessage[] messagesTo(String email) {
        return Arrays.stream(mailServer.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (Exception e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shared broker and schema registry, this test's database and SMTP server, and a consumer group of its own (the
     * other notification tests' contexts consume the same topics in the same JVM).
     */
    static final class OwnDatabaseAndMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> properties = new HashMap<>(EmbeddedInfrastructure.shared().springProperties("notification_service"));
            properties.put("spring.datasource.url", jdbcUrl());
            properties.put("spring.datasource.hikari.connection-timeout", "2000");
            properties.put("spring.mail.port", mailServer.getSmtp().getPort());
            properties.put("spring.cloud.stream.default.group", "notification-service-outage-test");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ownDatabaseAndMailServer", properties));
            // An AutoCloseable bean is closed with the context, after its consumers stopped.
            ((GenericApplicationContext) context).registerBean("ownDatabaseAndMailServer", AutoCloseable.class,
                    () -> MailDeliveryDatabaseOutageIT::stopDatabaseAndMailServer);
        }
    }
}
