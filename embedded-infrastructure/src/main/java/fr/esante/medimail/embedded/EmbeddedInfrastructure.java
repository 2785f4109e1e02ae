package fr.esante.medimail.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real infrastructure started inside the JVM: a Kafka broker (KRaft), a PostgreSQL server (real binaries)
 * and an SMTP/IMAP server (GreenMail). Tests share one instance per JVM ({@link #shared()}); the local
 * platform starts one on fixed ports with a persistent database directory.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);
    private static EmbeddedInfrastructure shared;

    /** Seals secrets on Kafka in tests and the local stack only; deployments set MEDIMAIL_SECRETS_SEALING_KEY. */
    public static final String DEVELOPMENT_SEALING_KEY = "bWVkaW1haWwtZGV2LW9ubHktc2VhbGluZy1rZXktMzI=";

    private final EmbeddedKafkaKraftBroker kafka;
    private final PersistentKafkaBroker persistentKafka;
    private final EmbeddedPostgres postgres;
    private final GreenMail mail;
    private final Settings settings;

    /**
     * Where and how to start; port 0 picks a free port. With data directories (local stack), Kafka listens on
     * {@code kafkaPort} (its controller on the next port) and both Kafka and PostgreSQL keep their data
     * between runs unless {@code clean}; without (tests), everything is fresh and on free ports.
     */
    public record Settings(int kafkaPort, Path kafkaLogDirectory, int postgresPort, Path postgresDataDirectory,
                           boolean clean, int smtpPort, int imapPort) {

        public static Settings forTests() {
            return new Settings(0, null, 0, null, true, 0, 0);
        }
    }

    public EmbeddedInfrastructure(Settings settings) {
        this.settings = settings;
        long start = System.nanoTime();
        this.postgres = startPostgres(settings);
        if (settings.kafkaLogDirectory() != null) {
            if (settings.clean()) {
                deleteRecursively(settings.kafkaLogDirectory());
            }
            this.kafka = null;
            this.persistentKafka = new PersistentKafkaBroker(settings.kafkaLogDirectory(), settings.kafkaPort(), settings.kafkaPort() + 1);
        } else {
            this.kafka = startKafka();
            this.persistentKafka = null;
        }
        this.mail = startMail(settings);
        log.info("Embedded infrastructure up in {} ms: Kafka {}, PostgreSQL {}, SMTP {}, IMAP {}",
                Duration.ofNanos(System.nanoTime() - start).toMillis(), kafkaBootstrapServers(), jdbcUrl(),
                smtpPort(), imapPort());
    }

    /** The one instance of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedInfrastructure shared() {
        if (shared == null) {
            shared = new EmbeddedInfrastructure(Settings.forTests());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-infrastructure-stop"));
        }
        return shared;
    }

    /**
     * With a data directory (the local stack) the database is durable: what was answered {@code 202} survives an
     * operating-system crash, so {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are on, against
     * the embedded library's defaults. Tests keep those defaults (all off): their database lives in a temporary
     * directory thrown away with the JVM, so there is nothing to keep across a crash, and the suites run faster.
     */
    static EmbeddedPostgres startPostgres(Settings settings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300");
            if (settings.postgresDataDirectory() != null) {
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            if (settings.postgresPort() > 0) {
                builder.setPort(settings.postgresPort());
            }
            if (settings.postgresDataDirectory() != null) {
                // zonky's "clean" flag deletes the directory when the server stops; a clean start is ours to do.
                if (settings.clean()) {
                    deleteRecursively(settings.postgresDataDirectory());
                }
                Files.createDirectories(settings.postgresDataDirectory());
                builder.setDataDirectory(settings.postgresDataDirectory()).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + directory, e);
        }
    }

    private static EmbeddedKafkaKraftBroker startKafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", "1",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.brokerProperties(properties);
        broker.afterPropertiesSet();
        return broker;
    }

    private static GreenMail startMail(Settings settings) {
        ServerSetup smtp = new ServerSetup(settings.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(settings.imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        GreenMail greenMail = new GreenMail(new ServerSetup[] {settings.smtpPort() == 0 ? smtp.dynamicPort() : smtp,
                settings.imapPort() == 0 ? imap.dynamicPort() : imap});
        // Any password is accepted and the login is the recipient's address, as public-api.md promises.
        greenMail.getManagers().getUserManager().setAuthRequired(false);
        greenMail.start();
        return greenMail;
    }

    public String kafkaBootstrapServers() {
        return kafka != null ? kafka.getBrokersAsString() : persistentKafka.bootstrapServers();
    }

    public int postgresPort() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /** Creates the database if it does not exist yet (one per service keeps their data apart). */
    public String database(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "") + "'");
            if (!rs.next()) {
                statement.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return jdbcUrl(name);
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    public int imapPort() {
        return mail.getImap().getPort();
    }

    public GreenMail mail() {
        return mail;
    }

    /**
     * Spring properties that point a service at this infrastructure: its own database, the broker, the
     * SMTP server, the in-memory schema registry shared by the JVM, and a development sealing key.
     */
    public Map<String, Object> springProperties(String database) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database(database));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        properties.put("spring.kafka.properties.schema.registry.url", "mock://medimail");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", smtpPort());
        // Development key (Base64 of "medimail-dev-only-sealing-key-32"), for the embedded set-ups only.
        properties.put("medimail.secrets.sealing-key", DEVELOPMENT_SEALING_KEY);
        return properties;
    }

    @Override
    public void close() {
        try {
            mail.stop();
        } catch (RuntimeException e) {
            log.warn("Mail server did not stop cleanly", e);
        }
        try {
            if (kafka != null) {
                kafka.destroy();
            } else {
                persistentKafka.close();
            }
        } catch (RuntimeException e) {
            log.warn("Kafka did not stop cleanly", e);
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("PostgreSQL did not stop cleanly", e);
        }
    }

    public Settings settings() {
        return settings;
    }
}
