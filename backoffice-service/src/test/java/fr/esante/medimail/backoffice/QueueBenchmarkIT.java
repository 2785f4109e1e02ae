package fr.esante.medimail.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.esante.medimail.testsupport.TestHttpClient;

/**
 * The speed goal: the queue answers in 200 ms or less with 50,000 pending and 1,000,000 decided reviews, and the export
 * of a million decisions streams in constant memory. It seeds the database of its JVM, so it runs alone and on demand:
 * {@code mvn -pl backoffice-service -am verify -Dtest=QueueBenchmarkIT -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class QueueBenchmarkIT extends BackofficeIntegrationTest {

    private static final int PENDING = 50_000;
    private static final int DECIDED = 1_000_000;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theQueueAnswersFastAndTheExportStreamsInConstantMemory() throws Exception {
        long seeding = System.nanoTime();
        seed();
        System.out.printf("BENCHMARK seeded %,d pending and %,d decided reviews in %d s%n", PENDING, DECIDED,
                Duration.ofNanos(System.nanoTime() - seeding).toSeconds());
        jdbc.sql("ANALYZE").update();
        logIn();

        List<Long> pageMillis = new ArrayList<>();
        List<Long> searchMillis = new ArrayList<>();
        java.util.Map<String, List<Long>> searches = new java.util.LinkedHashMap<>();
        // By e-mail, RPPS, name (both orders) and MSSante address, a pending applicant; and a term no one matches.
        List<String> terms = List.of("bench-4242@", "99800004242", "jean%20bench-4242", "bench-4242%20jean",
                "jean.bench-4242@medecin", "introuvable");
        for (int i = 0; i < 12; i++) {
            pageMillis.add(timed("/reviews"));
            searchMillis.add(timed("/reviews?q=bench-4242"));
            for (String term : terms) {
                searches.computeIfAbsent(term, t -> new ArrayList<>()).add(timed("/reviews?q=" + term));
            }
        }
        long page = median(pageMillis.subList(2, 12));
        long search = median(searchMillis.subList(2, 12));
        System.out.printf("BENCHMARK queue page (first 100 of %,d pending): median %d ms; with a search: median %d ms%n",
                PENDING, page, search);
        long slowestSearch = search;
        for (var term : searches.entrySet()) {
            long median = median(term.getValue().subList(2, 12));
            slowestSearch = Math.max(slowestSearch, median);
            System.out.printf("BENCHMARK queue page searching \"%s\": median %d ms%n", term.getKey().replace("%20", " "), median);
        }
        jdbc.sql("EXPLAIN ANALYZE SELECT r.id FROM review r JOIN applicant a ON a.account_id = r.account_id"
                        + " WHERE r.status = 'PENDING' AND a.search_text LIKE '%bench-4242@%'"
                        + " ORDER BY r.submitted_at, r.id LIMIT 100")
                .query(String.class).list().forEach(line -> System.out.println("BENCHMARK indexed search plan | " + line));
        jdbc.sql("EXPLAIN ANALYZE SELECT r.id FROM review r JOIN applicant a ON a.account_id = r.account_id"
                        + " WHERE r.status = 'PENDING' ORDER BY r.submitted_at, r.id LIMIT 100")
                .query(String.class).list().forEach(line -> System.out.println("BENCHMARK plan | " + line));
        jdbc.sql("EXPLAIN ANALYZE SELECT r.id FROM (SELECT * FROM review WHERE status = 'PENDING' OFFSET 0) r"
                        + " CROSS JOIN LATERAL (SELECT * FROM applicant WHERE account_id = r.account_id OFFSET 0) a"
                        + " WHERE a.email ILIKE '%bench-4242%' OR a.mss_address ILIKE '%bench-4242%'"
                        + " ORDER BY r.submitted_at, r.id LIMIT 100")
                .query(String.class).list().forEach(line -> System.out.println("BENCHMARK search plan | " + line));
        jdbc.sql("EXPLAIN ANALYZE SELECT count(*) FROM review r WHERE r.status = 'PENDING'")
                .query(String.class).list().forEach(line -> System.out.println("BENCHMARK count plan | " + line));

        AtomicLong peak = new AtomicLong();
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long started = System.nanoTime();
        // The JDK client itself: the export is streamed and counted, not read into one string as TestHttpClient does.
        HttpResponse<InputStream> export = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/exports/decisions.csv?from=2000-01-01&to=2100-01-01"))
                .header("Authorization", admin().get("Authorization")).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        long bytes = 0;
        try (InputStream body = export.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        sampler.interrupt();
        System.out.printf("BENCHMARK export of %,d decisions: %,d lines, %,d MB in %d s; heap before %d MB, peak %d MB%n",
                DECIDED, lines, bytes >> 20, Duration.ofNanos(System.nanoTime() - started).toSeconds(), before >> 20,
                peak.get() >> 20);
        assertThat(lines).isGreaterThanOrEqualTo(DECIDED + 1);
        assertThat(page).as("queue page, ms").isLessThanOrEqualTo(200);
        assertThat(slowestSearch).as("queue page with a search, ms").isLessThanOrEqualTo(200);
    }

    private TestHttpClient browser;

    /** Logs in through the form, as staff do (the pages take no HTTP Basic). */
    private void logIn() {
        browser = TestHttpClient.browserOnPort(port);
        String form = send(browser, HttpRequest.newBuilder(uri("/login")).GET()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        Response login = send(browser, HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + REVIEWER + "&password=" + REVIEWER_PASSWORD
                        + "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(login.status()).isEqualTo(302);
    }

    private long timed(String path) {
        long start = System.nanoTime();
        Response response = send(browser, HttpRequest.newBuilder(uri(path)).GET());
        assertThat(response.status()).isEqualTo(200);
        // "3 demande(s) en attente", or "Aucune demande en attente … pour ces filtres" for a term no one matches.
        assertThat(response.body()).containsAnyOf("demande(s) en attente", "Aucune demande en attente");
        if (path.contains("4242")) {
            assertThat(response.body()).as(path).contains("bench-4242@example.org");
        }
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private void seed() {
        jdbc.sql("""
                INSERT INTO applicant (account_id, profile_submitted_at, last_name, first_name, email, path, identifier_type,
                    identifier, profession, liberal, phone, address_line, postal_code, city, region, directory_visible,
                    paperless, contact_updated_at, identity_verified_at, verified_identifier_type, verified_identifier,
                    verified_mailbox_type, verification_source, mss_address_assigned_at, mss_address, mailbox_type)
                SELECT md5('bench' || n)::uuid, now() - (n % 4000) * interval '1 minute', 'BENCH-' || n, 'Jean',
                    'bench-' || n || '@example.org', 'NATIONAL_ID', 'RPPS', '998' || lpad(n::text, 8, '0'), '10', true,
                    '0561000000', '1 rue du Banc', '31000', 'Toulouse', '76', true, true, now() - interval '3 days',
                    now() - interval '3 days', 'RPPS', '998' || lpad(n::text, 8, '0'), 'PER', 'IMPORTED_DIRECTORY',
                    now() - interval '3 days', 'jean.bench-' || n || '@medecin.oc.mssante.fr', 'PER'
                FROM generate_series(1, :count) AS n""").param("count", PENDING + DECIDED).update();
        jdbc.sql("""
                INSERT INTO review (id, account_id, submitted_at, status, decided_at, decided_by, rejection_reason)
                SELECT md5('review' || n)::uuid, md5('bench' || n)::uuid, now() - (n % 4000) * interval '1 minute',
                    CASE WHEN n <= :pending THEN 'PENDING' WHEN n % 5 = 0 THEN 'REJECTED' ELSE 'APPROVED' END,
                    CASE WHEN n <= :pending THEN NULL ELSE now() - (n % 100000) * interval '1 second' END,
                    CASE WHEN n <= :pending THEN NULL ELSE 'agent' END,
                    CASE WHEN n > :pending AND n % 5 = 0 THEN 'Pièces illisibles.' END
                FROM generate_series(1, :count) AS n""")
                .param("pending", PENDING).param("count", PENDING + DECIDED).update();
    }
}
