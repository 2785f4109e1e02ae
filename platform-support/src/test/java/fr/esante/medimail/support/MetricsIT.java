package fr.esante.medimail.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.embedded.EmbeddedInfrastructureInitializer;
import fr.esante.medimail.embedded.KafkaTestClient;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.testapp.SupportTestApplication;
import fr.esante.medimail.testsupport.TestHttpClient;
import fr.esante.medimail.testsupport.TestHttpClient.Answer;

/** What an operator reads on /actuator/prometheus, and that only an operator reads it. */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=support-test",
                // Its own consumer group: PlumbingIT's context (cached, still running) reads the same topic as support-test.
                "spring.application.name=support-metrics",
                "management.endpoints.web.exposure.include=health,prometheus",
                "medimail.metrics.operator.username=supervision",
                // BCrypt (cost 4, tests only) of "mot-de-passe-operateur"
                "medimail.metrics.operator.password-hash=$2a$04$//sCvLgugo.BeVF1kf8HieJKFw3L8Pf4elCWTPWG5L1UE.NmSsXxy"})
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
class MetricsIT {

    private static final long RELAY_LOCK = 0x6d65646d61696cL;

    @Autowired
    SupportTestApplication.Notes notes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Value("${local.server.port}")
    int port;

    @Test
    void onlyTheConfiguredOperatorReadsTheMetrics() throws Exception {
        Answer anonymous = scrape(null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(anonymous.body()).contains("réservées aux opérateurs").doesNotContain("medimail_");
        assertThat(scrape(basic("supervision", "mauvais")).status()).isEqualTo(401);
        assertThat(scrape(basic("quelquun", "mot-de-passe-operateur")).status()).isEqualTo(401);

        Answer operator = scrape(basic("supervision", "mot-de-passe-operateur"));
        assertThat(operator.status()).isEqualTo(200);
        assertThat(operator.body())
                .contains("medimail_passwords_hashing_queued{application=\"support-metrics\"}")
                .contains("http_server_requests_seconds_count{");
        assertThat(scrape(null, "/actuator/health").status()).as("health stays public").isEqualTo(200);
    }

    @Test
    void anOutboxThatCannotPublishShowsItsDepthAndTheAgeOfItsOldestEvent() throws Exception {
        TransactionTemplate holdingTheRelay = new TransactionTemplate(transactionManager);
        TransactionTemplate separately = new TransactionTemplate(transactionManager);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        UUID accountId = UUID.randomUUID();
        // While this transaction holds the relay's lock, nothing leaves the outbox: as when the broker is out of reach.
        holdingTheRelay.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", RELAY_LOCK).query(Object.class).single();
            separately.executeWithoutResult(s -> notes.write(accountId, "waiting", false));
            separately.executeWithoutResult(s -> jdbc.sql("""
                            UPDATE outbox_event SET created_at = now() - interval '5 minutes'
                            WHERE published_at IS NULL AND record_key = :key""")
                    .param("key", accountId.toString()).update());
            String metrics = operatorScrape();
            assertThat(gauge(metrics, "medimail_outbox_pending")).isGreaterThanOrEqualTo(1);
            assertThat(gauge(metrics, "medimail_outbox_oldest_age_seconds")).isGreaterThanOrEqualTo(300);
        });
        // Released: the relay publishes, and the outbox is empty again.
        await().atMost(Duration.ofSeconds(30)).until(() -> gauge(operatorScrape(), "medimail_outbox_pending") == 0);
        String published = operatorScrape();
        assertThat(gauge(published, "medimail_outbox_oldest_age_seconds")).isZero();
        assertThat(published).as("the relay's producer metrics").contains("kafka_producer_record_send_total{");
    }

    @Test
    void aRecordGivenUpOnCountsAsADeadLetterOfItsTopic() {
        String counter = "medimail_events_dead_lettered_total{application=\"support-metrics\",reason=\"POISON\",topic=\""
                + Topics.EMAIL_CONFIRMED.name() + "\"}";
        double before = counter(operatorScrape(), counter);
        new KafkaTestClient(EmbeddedInfrastructure.shared().kafkaBootstrapServers())
                .send(Topics.EMAIL_CONFIRMED.name(), UUID.randomUUID().toString(), "not avro".getBytes(StandardCharsets.UTF_8));
        // At least this one (a new group may also find earlier tests' corrupt records on the topic).
        await().atMost(Duration.ofSeconds(60)).until(() -> counter(operatorScrape(), counter) >= before + 1);
    }

    @Test
    void eachConsumedTopicHasOneConsumerLagSeriesReadFromTheBroker() {
        String series = "medimail_kafka_consumer_lag{application=\"support-metrics\",group=\"support-metrics\",topic=\""
                + Topics.EMAIL_CONFIRMED.name() + "\"}";
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            double lag = counter(operatorScrape(), series, Double.NaN);
            return !Double.isNaN(lag) && lag >= 0;
        });
        // The binder's own gauge re-registered itself at each binding (a WARN at every start): replaced, not doubled.
        assertThat(operatorScrape()).doesNotContain("spring_cloud_stream_binder_kafka_offset");
    }

    private String operatorScrape() {
        Answer response = scrape(basic("supervision", "mot-de-passe-operateur"));
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static double gauge(String metrics, String name) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*} (\\S+)$").matcher(metrics);
        assertThat(line.find()).as("%s in%n%s", name, metrics).isTrue();
        return Double.parseDouble(line.group(1));
    }

    private static double counter(String metrics, String series) {
        return counter(metrics, series, 0);
    }

    private static double counter(String metrics, String series, double absent) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : absent;
    }

    private Answer scrape(String authorization) {
        return scrape(authorization, "/actuator/prometheus");
    }

    private Answer scrape(String authorization, String path) {
        return TestHttpClient.onPort(port).get(path, authorization == null ? Map.of() : Map.of("Authorization", authorization));
    }

    private static String basic(String user, String password) {
        return TestHttpClient.basic(user, password).get("Authorization");
    }
}
