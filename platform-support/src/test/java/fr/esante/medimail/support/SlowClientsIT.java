package fr.esante.medimail.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import fr.esante.medimail.embedded.EmbeddedInfrastructureInitializer;
import fr.esante.medimail.support.testapp.SupportTestApplication;
import fr.esante.medimail.testsupport.TestHttpClient;

/**
 * The slow-body attack that made registration-service unreachable (issue 13): many clients each sending a request body
 * one byte every few seconds. The body is read without holding a worker thread, so health keeps answering at once,
 * and each slow client is cut off with a {@code 408} problem once {@code medimail.web.body-read-timeout} has passed.
 * {@code -Dslow-clients.count=…} and {@code -Dslow-clients.byte-interval-seconds=…} change the load (defaults 500, 5).
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=support-test")
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
class SlowClientsIT {

    private static final int CLIENTS = Integer.getInteger("slow-clients.count", 500);
    private static final Duration BYTE_INTERVAL = Duration.ofSeconds(Integer.getInteger("slow-clients.byte-interval-seconds", 5));

    @Value("${local.server.port}")
    int port;
    @Value("${medimail.web.body-read-timeout}")
    Duration bodyReadTimeout;

    @Test
    void healthAnswersWithinASecondWhileHundredsOfClientsDribbleTheirBodies() throws Exception {
        List<Socket> slow = new ArrayList<>();
        List<Long> healthMillis = Collections.synchronizedList(new ArrayList<>());
        TestHttpClient http = TestHttpClient.onPort(port);
        // Before the attack: the first health check of a JVM also opens the Kafka binder's health consumer (a second or so).
        long baseline = timedHealth(http);
        long started = System.nanoTime();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                // Raw sockets: an HTTP client sends its body at once, the attack is a body that never finishes coming.
                Socket socket = new Socket("localhost", port);
                socket.setSoTimeout((int) bodyReadTimeout.plusSeconds(15).toMillis());
                socket.getOutputStream().write(("POST /stored-notes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            long nextByte = System.nanoTime() + BYTE_INTERVAL.toNanos();
            long end = started + bodyReadTimeout.minusSeconds(1).toNanos();
            while (System.nanoTime() < end) {
                healthMillis.add(timedHealth(http));
                if (System.nanoTime() >= nextByte) {
                    for (Socket socket : slow) {
                        dribble(socket.getOutputStream());
                    }
                    nextByte += BYTE_INTERVAL.toNanos();
                }
                Thread.sleep(200); // the sampling period of the health probe, not a wait for an outcome
            }
            int cutOff = 0;
            for (Socket socket : slow) {
                if (answer(socket.getInputStream()).startsWith("HTTP/1.1 408")) {
                    cutOff++;
                }
            }
            long max = healthMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
            List<Long> sorted = healthMillis.stream().sorted().toList();
            System.out.printf("[slow clients] %d connections sending 1 byte every %d s: %d health probes, median %d ms,"
                            + " max %d ms (%d ms before the attack); %d slow clients cut off with 408 after %s%n", CLIENTS,
                    BYTE_INTERVAL.toSeconds(), sorted.size(), sorted.get(sorted.size() / 2), max, baseline, cutOff, bodyReadTimeout);
            assertThat(max).as("slowest health answer (ms)").isLessThan(1000);
            assertThat(cutOff).isEqualTo(CLIENTS);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    private long timedHealth(TestHttpClient http) {
        long before = System.nanoTime();
        TestHttpClient.Answer health = http.send(http.request("/actuator/health", Map.of()).timeout(Duration.ofSeconds(10)).GET());
        assertThat(health.status()).isEqualTo(200);
        return (System.nanoTime() - before) / 1_000_000;
    }

    private static void dribble(OutputStream out) {
        try {
            out.write(' ');
            out.flush();
        } catch (IOException alreadyCutOff) {
            // The server may already have answered 408 and closed.
        }
    }

    private static String answer(InputStream in) throws IOException {
        byte[] buffer = new byte[512];
        int n = in.read(buffer);
        return n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
    }
}
