package fr.esante.medimail.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import fr.esante.medimail.registration.IntegrationTest;

/**
 * A burst larger than the hashing pool can take: with one hashing thread, no waiting room and a costly hash, some
 * registrations of a simultaneous burst are refused at once with 503 and Retry-After, and leave nothing behind.
 */
@TestPropertySource(properties = {
        "medimail.passwords.hashing-threads=1",
        "medimail.passwords.queue-capacity=0",
        "medimail.passwords.memory-kib=65536",
        "medimail.passwords.iterations=3"})
class PasswordHashingBusyIT extends IntegrationTest {

    private static final int BURST = 6;

    @Test
    void aBurstBeyondTheHashingQueueGets503WithRetryAfterAndNothingHalfWritten() throws Exception {
        List<Attempt> busy = new ArrayList<>();
        List<Attempt> accepted = new ArrayList<>();
        // Simultaneous requests overlap on a 1-thread pool without a queue; a few rounds make a fluke impossible in practice.
        for (int round = 0; round < 5 && busy.isEmpty(); round++) {
            for (Attempt attempt : burst()) {
                (attempt.answer().status() == 503 ? busy : accepted).add(attempt);
            }
        }

        assertThat(busy).as("refused for lack of hashing capacity").isNotEmpty();
        for (Attempt refused : busy) {
            Answer answer = refused.answer();
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("code").asString()).isEqualTo("SERVICE_BUSY");
            assertThat(answer.json().path("detail").asString()).contains("réessayez");
            assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(accountsWithEmail(refused.email())).as("nothing written for a refused registration").isZero();
        }
        for (Attempt done : accepted) {
            assertThat(done.answer().status()).as(done.answer().body()).isEqualTo(202);
            assertThat(accountsWithEmail(done.email())).isEqualTo(1);
        }
        // Once the burst is over, the same person registers normally.
        String retried = busy.get(0).email();
        assertThat(post("/api/v1/registrations", json(registrationFields(retried))).status()).isEqualTo(202);
        assertThat(accountsWithEmail(retried)).isEqualTo(1);
    }

    private record Attempt(String email, Answer answer) {
    }

    private List<Attempt> burst() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(BURST);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Attempt>> attempts = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                String email = uniqueEmail("burst");
                attempts.add(clients.submit(() -> {
                    start.await();
                    return new Attempt(email, post("/api/v1/registrations", json(registrationFields(email))));
                }));
            }
            start.countDown();
            List<Attempt> done = new ArrayList<>();
            for (Future<Attempt> attempt : attempts) {
                done.add(attempt.get());
            }
            return done;
        } finally {
            clients.shutdownNow();
        }
    }
}
