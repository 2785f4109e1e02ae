package fr.esante.medimail.local;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;

/**
 * The whole platform on one machine, one command: an embedded Kafka broker (KRaft), PostgreSQL and mail
 * server, and the five services on the ports of public-api.md. Ctrl-C stops everything. The database
 * lives in {@code .local-data/postgres} and survives restarts; {@code --clean} starts from scratch.
 */
public final class LocalPlatform {

    static final int KAFKA_PORT = 9092;
    static final int POSTGRES_PORT = 15432;
    static final int SMTP_PORT = 3025;
    static final int IMAP_PORT = 3143;
    static final int MAIL_VIEWER_PORT = 8025;

    /** The local stack alone seeds this reviewer; production staff come from configuration. */
    public static final String SEEDED_REVIEWER = "agent";
    // BCrypt of "agent": the local stack's seeded reviewer password.
    static final String SEEDED_REVIEWER_HASH = "$2a$10$84dA3WPy2mkz465kbik8euZCgDaXvXIXR0DTTJyjrjicwtEtzVclC";

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        boolean clean = Arrays.asList(args).contains("--clean");
        Path dataDirectory = Path.of(System.getProperty("medimail.data-dir", ".local-data")).toAbsolutePath();

        EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(new EmbeddedInfrastructure.Settings(
                KAFKA_PORT, POSTGRES_PORT, dataDirectory.resolve("postgres"), clean, SMTP_PORT, IMAP_PORT));
        if (!clean) {
            replayOutboxesIntoTheFreshBroker(infrastructure);
        }
        MailViewer mailViewer = new MailViewer(infrastructure.mail(), MAIL_VIEWER_PORT);
        PlatformServices services;
        try {
            services = PlatformServices.start(new EmbeddedPlatformInfrastructure(infrastructure), false, localSettings());
        } catch (RuntimeException e) {
            mailViewer.close();
            infrastructure.close();
            throw e;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the Medimail platform…");
            services.close();
            mailViewer.close();
            infrastructure.close();
            System.out.println("Stopped: no service, broker, database or mail server left running.");
            stopped.countDown();
        }, "local-platform-stop"));

        System.out.println(banner(services, infrastructure, dataDirectory, clean,
                Duration.ofNanos(System.nanoTime() - start)));
        stopped.await();
    }

    /**
     * The embedded broker starts empty at every run while the databases persist. Events that were published
     * but not yet consumed when the platform stopped would be lost, so every event still held in the
     * outboxes is published again: consumers recognise those they already handled by their event id.
     */
    private static void replayOutboxesIntoTheFreshBroker(EmbeddedInfrastructure infrastructure) {
        for (PlatformServices.Service service : PlatformServices.SERVICES) {
            String url = infrastructure.database(service.name().replace('-', '_'));
            try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                 Statement statement = connection.createStatement()) {
                ResultSet present = statement.executeQuery("SELECT to_regclass('outbox_event') IS NOT NULL");
                present.next();
                if (present.getBoolean(1)) {
                    int replayed = statement.executeUpdate("UPDATE outbox_event SET published_at = NULL WHERE published_at IS NOT NULL");
                    if (replayed > 0) {
                        System.out.printf("%s: %d recorded event(s) will be published again to the fresh broker%n",
                                service.name(), replayed);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot prepare the outbox of " + service.name(), e);
            }
        }
    }

    /** Settings of the local stack (and of the end-to-end tests, which walk the same platform). */
    public static Map<String, Map<String, Object>> localSettings() {
        return Map.of(
                "backoffice-service", Map.of(
                        "medimail.backoffice.staff[0].username", SEEDED_REVIEWER,
                        "medimail.backoffice.staff[0].password-hash", SEEDED_REVIEWER_HASH,
                        "medimail.backoffice.staff[0].roles", "REVIEWER"));
    }

    private static String banner(PlatformServices services, EmbeddedInfrastructure infrastructure, Path dataDirectory,
                                 boolean clean, Duration startup) {
        StringBuilder text = new StringBuilder("\n");
        text.append("==================== Medimail platform is running ====================\n");
        for (PlatformServices.Service service : PlatformServices.SERVICES) {
            text.append(String.format("  %-31s %s%n", service.name(), services.baseUrl(service.name())));
        }
        text.append(String.format("  %-31s localhost:%d (KRaft)%n", "Kafka bootstrap", KAFKA_PORT));
        text.append(String.format("  %-31s mock://medimail (in memory, this JVM)%n", "Schema registry"));
        text.append(String.format("  %-31s jdbc:postgresql://localhost:%d/<service_name> (postgres/postgres)%n", "PostgreSQL",
                infrastructure.postgresPort()));
        text.append(String.format("  %-31s SMTP localhost:%d, IMAP localhost:%d (login = recipient, any password)%n",
                "Mail server", infrastructure.smtpPort(), infrastructure.imapPort()));
        text.append(String.format("  %-31s http://localhost:%d%n", "E-mails sent (web page)", MAIL_VIEWER_PORT));
        text.append(String.format("  %-31s %s / %s  (seeded for the local stack only)%n", "Back-office reviewer",
                SEEDED_REVIEWER, SEEDED_REVIEWER));
        text.append(String.format("  %-31s %s%s%n", "Data", dataDirectory, clean ? " (cleaned at start)" : ""));
        text.append(String.format("Ready in %.1f s. Ctrl-C stops everything.%n", startup.toMillis() / 1000.0));
        text.append("=======================================================================\n");
        return text.toString();
    }
}
