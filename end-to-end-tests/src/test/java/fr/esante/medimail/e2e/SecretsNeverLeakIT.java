package fr.esante.medimail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.local.EmbeddedPlatformInfrastructure;
import fr.esante.medimail.local.LocalPlatform;
import fr.esante.medimail.local.PlatformServices;
import fr.esante.medimail.testsupport.TestHttpClient;

/**
 * The whole journey with every service logging at DEBUG, then a search for each secret it handled (the password, a
 * mistyped password, the confirmation token, the session token, the sealing key) in everything the platform wrote:
 * the console log, every text and binary column of the five databases, every Kafka record (key, value, headers).
 * None may be there in clear. Not searched: the staff's seeded passwords ("agent"…, too short to tell from ordinary
 * words) and the mail server's own log (it is the recipient's side, whose job is to hold the link).
 */
class SecretsNeverLeakIT {

    @Test
    void noSecretAppearsInTheLogsTheDatabasesOrKafkaEvenAtDebugLevel() throws Exception {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
        Path log = Files.createTempFile("medimail-debug-", ".log");
        PrintStream console = System.out;
        PrintStream errors = System.err;
        PlatformServices platform = null;
        Map<String, String> secrets = new LinkedHashMap<>();
        try {
            try (PrintStream capture = new PrintStream(new BufferedOutputStream(Files.newOutputStream(log), 1 << 16), false,
                    StandardCharsets.UTF_8)) {
                // Logback's console appender writes to whatever System.out is at the time of each event.
                System.setOut(capture);
                System.setErr(capture);
                platform = PlatformServices.start(new EmbeddedPlatformInfrastructure(infrastructure), true, debugEverywhere());
                Mailbox mailbox = new Mailbox("127.0.0.1", infrastructure.imapPort());

                String password = "Secret-" + UUID.randomUUID().toString().substring(0, 13) + "-Aa1";
                RegistrationJourney jean = new RegistrationJourney(platform, mailbox, "Jean", "Durand", password);
                jean.register();
                jean.confirmEmailFromTheLinkInTheMail();
                String mistyped = "Mistyped-" + UUID.randomUUID().toString().substring(0, 13) + "-Bb2";
                TestHttpClient.Answer wrong = jean.client().send("POST", jean.url("registration-service") + "/api/v1/sessions",
                        Map.of("email", jean.email, "password", mistyped), Map.of());
                assertThat(wrong.status()).isEqualTo(401);
                jean.logIn();
                // The pharmacist Jean Durand: an RPPS no other end-to-end test of this JVM claims.
                jean.submitProfile("NATIONAL_ID", "RPPS", "99800000053", "21");
                jean.awaitStatus("VALIDATION_PENDING");
                jean.approveAsReviewer(LocalPlatform.SEEDED_REVIEWER, "agent");
                jean.awaitStatus("VALIDATED");
                jean.signInWithTheEmailedCodeAndAcceptTheTerms();

                secrets.put("password", password);
                secrets.put("mistyped password", mistyped);
                secrets.put("confirmation token", jean.confirmationToken);
                secrets.put("session token", jean.accessToken);
                // Six digits alone would match any timestamp; these are the forms in which a code could leak.
                secrets.put("one-time code as sent", "\"code\":\"" + jean.oneTimeCode + "\"");
                secrets.put("one-time code as mailed", "Medimail : " + jean.oneTimeCode);
                secrets.put("sealing key", EmbeddedInfrastructure.DEVELOPMENT_SEALING_KEY);
                secrets.put("sealing key bytes", new String(Base64.getDecoder().decode(EmbeddedInfrastructure.DEVELOPMENT_SEALING_KEY),
                        StandardCharsets.ISO_8859_1));
                capture.flush();
            } finally {
                System.setOut(console);
                System.setErr(errors);
            }
            assertThat(secrets.values()).allSatisfy(secret -> assertThat(secret).hasSizeGreaterThan(12));

            List<String> found = new ArrayList<>();
            long lines = 0;
            try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
                for (String line; (line = reader.readLine()) != null; lines++) {
                    for (Map.Entry<String, String> secret : secrets.entrySet()) {
                        if (line.contains(secret.getValue())) {
                            found.add("log: " + secret.getKey() + " in: " + abbreviate(line, secret.getValue()));
                        }
                    }
                }
            }
            int columns = 0;
            for (PlatformServices.Service service : PlatformServices.SERVICES) {
                columns += searchDatabase(infrastructure, service.name().replace('-', '_'), secrets, found);
            }
            long records = searchKafka(infrastructure.kafkaBootstrapServers(), secrets, found);
            System.out.printf("[secrets] searched %d log lines at DEBUG (%d MB), %d database columns, %d Kafka records for %d"
                    + " secrets: %d found%n", lines, Files.size(log) >> 20, columns, records, secrets.size(), found.size());
            assertThat(found).as("secrets found in clear").isEmpty();
            assertThat(lines).as("the log was captured").isGreaterThan(1000);
            assertThat(records).isPositive();
        } finally {
            if (platform != null) {
                platform.close();
            }
            Files.deleteIfExists(log);
        }
    }

    /**
     * Root at DEBUG for the five services. Stay at INFO: the embedded broker's internals (infrastructure, very verbose),
     * the mail server (the recipient's side) and the JDK HTTP client, which is this test playing the user's browser.
     */
    private static Map<String, Map<String, Object>> debugEverywhere() {
        Map<String, Map<String, Object>> settings = new HashMap<>(LocalPlatform.localSettings());
        Map<String, Object> debug = new LinkedHashMap<>();
        debug.put("logging.level.root", "DEBUG");
        for (String broker : List.of("kafka", "state.change.logger", "org.apache.kafka.server", "org.apache.kafka.storage",
                "org.apache.kafka.raft", "org.apache.kafka.controller", "org.apache.kafka.coordinator", "org.apache.kafka.image",
                "org.apache.kafka.metadata", "org.apache.kafka.queue", "com.icegreen", "jdk.internal.httpclient")) {
            debug.put("logging.level." + broker, "INFO");
        }
        settings.put("*", debug);
        return settings;
    }

    private static int searchDatabase(EmbeddedInfrastructure infrastructure, String database, Map<String, String> secrets,
                                      List<String> found) throws Exception {
        int searched = 0;
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl(database), "postgres", "postgres")) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT table_schema, table_name, column_name, data_type"
                    + " FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
                    + " AND data_type IN ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb')")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
            for (String[] column : columns) {
                String table = "\"" + column[0] + "\".\"" + column[1] + "\"";
                String name = "\"" + column[2] + "\"";
                boolean binary = "bytea".equals(column[3]);
                String sql = binary ? "SELECT count(*) FROM " + table + " WHERE position(? in " + name + ") > 0"
                        : "SELECT count(*) FROM " + table + " WHERE strpos(" + name + "::text, ?) > 0";
                searched++;
                for (Map.Entry<String, String> secret : secrets.entrySet()) {
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        if (binary) {
                            statement.setBytes(1, secret.getValue().getBytes(StandardCharsets.UTF_8));
                        } else {
                            statement.setString(1, secret.getValue());
                        }
                        try (ResultSet rs = statement.executeQuery()) {
                            rs.next();
                            if (rs.getInt(1) > 0) {
                                found.add("database " + database + ": " + secret.getKey() + " in " + table + "." + name);
                            }
                        }
                    }
                }
            }
        }
        return searched;
    }

    private static long searchKafka(String bootstrap, Map<String, String> secrets, List<String> found) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var topics = admin.listTopics().names().get();
            admin.describeTopics(topics).allTopicNames().get().values().forEach(description -> description.partitions()
                    .forEach(partition -> partitions.add(new TopicPartition(description.name(), partition.partition()))));
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    for (Map.Entry<String, String> secret : secrets.entrySet()) {
                        byte[] needle = secret.getValue().getBytes(StandardCharsets.UTF_8);
                        boolean inHeaders = false;
                        for (Header header : record.headers()) {
                            inHeaders |= contains(header.value(), needle);
                        }
                        if (contains(record.key(), needle) || contains(record.value(), needle) || inHeaders) {
                            found.add("kafka " + record.topic() + "@" + record.offset() + ": " + secret.getKey());
                        }
                    }
                }
            }
        }
        return records;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        if (haystack == null) {
            return false;
        }
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The log line around the secret, the secret itself masked, so the failure report does not leak it further. */
    private static String abbreviate(String line, String secret) {
        int at = line.indexOf(secret);
        String around = line.substring(Math.max(0, at - 150), Math.min(line.length(), at + secret.length() + 50));
        return around.replace(secret, "<" + secret.length() + " chars>");
    }
}
