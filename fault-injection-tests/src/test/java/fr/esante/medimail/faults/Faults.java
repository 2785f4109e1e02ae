package fr.esante.medimail.faults;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import fr.esante.medimail.embedded.RestartableKafka;

/**
 * The faults the suite injects while registrations go through: the broker and PostgreSQL restarted, the SMTP server
 * down, the national directory slow then down, each service SIGKILLed; one after another, then all together. Each
 * waits for the platform to recover and logs how long it took.
 */
final class Faults {

    private final RestartableKafka kafka;
    private final Databases databases;
    private final Smtp smtp;
    private final DirectoryStub directory;
    private final ServiceProcesses services;
    private final Duration smtpDown;
    private final Random random;
    private final List<String> log;

    /** @param random the suite's seeded random: which services die, and when, replay with the seed */
    Faults(RestartableKafka kafka, Databases databases, Smtp smtp, DirectoryStub directory, ServiceProcesses services,
           Duration smtpDown, Random random, List<String> log) {
        this.kafka = kafka;
        this.databases = databases;
        this.smtp = smtp;
        this.directory = directory;
        this.services = services;
        this.smtpDown = smtpDown;
        this.random = random;
        this.log = log;
    }

    void oneAfterAnother() throws Exception {
        restartBroker(Duration.ofSeconds(5));
        restartPostgres(Duration.ofSeconds(3));
        smtpDown(smtpDown);
        directorySlowThenDown();
        for (String service : shuffled(services.names())) {
            pause(Duration.ofMillis(500 + random.nextInt(2500)));
            services.kill(service);
            log.add("SIGKILL " + service);
        }
        awaitAllHealthy();
    }

    void together() throws Exception {
        long injected = System.nanoTime();
        List<String> victims = shuffled(services.names()).subList(0, 2);
        smtp.stop();
        directory.mode(DirectoryStub.Mode.DOWN);
        victims.forEach(services::kill);
        kafka.stop();
        pause(Duration.ofSeconds(4));
        databases.stop();
        pause(Duration.ofSeconds(3));
        databases.start();
        kafka.start();
        pause(smtpDown.dividedBy(2));
        smtp.start();
        directory.mode(DirectoryStub.Mode.NORMAL);
        Instant restored = Instant.now();
        awaitAllHealthy();
        awaitOutboxCaughtUpTo(restored);
        log.add("together (broker + PostgreSQL + SMTP + directory down, SIGKILL " + victims + "): recovered "
                + seconds(System.nanoTime() - injected) + " after injection");
    }

    private void restartBroker(Duration down) throws Exception {
        long injected = System.nanoTime();
        kafka.stop();
        pause(down);
        kafka.start();
        Instant restored = Instant.now();
        awaitOutboxCaughtUpTo(restored);
        log.add("broker restart (down " + down.toSeconds() + " s): recovered " + seconds(System.nanoTime() - injected)
                + " after injection");
    }

    private void restartPostgres(Duration down) throws Exception {
        long injected = System.nanoTime();
        databases.stop();
        pause(down);
        databases.start();
        Instant restored = Instant.now();
        awaitAllHealthy();
        awaitOutboxCaughtUpTo(restored);
        log.add("PostgreSQL restart (down " + down.toSeconds() + " s): recovered "
                + seconds(System.nanoTime() - injected) + " after injection");
    }

    private void smtpDown(Duration down) throws Exception {
        long injected = System.nanoTime();
        int before = smtp.allMails().size();
        smtp.stop();
        pause(down);
        smtp.start();
        long back = System.nanoTime();
        awaitOutboxCaughtUpTo(Instant.now());
        int arrivedAfter = smtp.allMails().size() - before;
        log.add("SMTP down " + down.toSeconds() + " s: " + arrivedAfter + " e-mail(s) delivered since, outbox caught up "
                + seconds(System.nanoTime() - back) + " after it came back (injected " + seconds(System.nanoTime() - injected)
                + " ago)");
    }

    private void directorySlowThenDown() throws Exception {
        int callsBefore = directory.calls();
        directory.mode(DirectoryStub.Mode.SLOW);
        pause(Duration.ofSeconds(10));
        directory.mode(DirectoryStub.Mode.DOWN);
        pause(Duration.ofSeconds(10));
        directory.mode(DirectoryStub.Mode.NORMAL);
        log.add("directory API slow 10 s then down 10 s: " + (directory.calls() - callsBefore)
                + " live call(s) reached it meanwhile; the imported directory answered the others");
    }

    private void awaitAllHealthy() {
        for (String service : services.names()) {
            services.awaitHealthy(service, ServiceProcesses.START_PATIENCE);
        }
    }

    /** Every event recorded before {@code restored} in any service has left its outbox (or the wait gives up at 10 min). */
    private void awaitOutboxCaughtUpTo(Instant restored) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                long pending = 0;
                for (String service : services.names()) {
                    pending += databases.queryLong(service, "SELECT count(*) FROM outbox_event"
                            + " WHERE published_at IS NULL AND failure IS NULL AND created_at <= ?", Timestamp.from(restored));
                }
                if (pending == 0) {
                    return;
                }
            } catch (RuntimeException e) {
                // Database still coming back.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Outbox rows recorded before " + restored + " still pending after 10 min");
    }

    private List<String> shuffled(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }
}
