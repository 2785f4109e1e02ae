package fr.esante.medimail.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import fr.esante.medimail.embedded.EmbeddedInfrastructureInitializer;
import fr.esante.medimail.support.testapp.SupportTestApplication;
import fr.esante.medimail.testsupport.TestHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a hostile client found on the services (issue 13), replayed against the plumbing every service shares: each
 * answer is a problem document naming what was refused, and nothing refused is stored.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=support-test")
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
class HostileRequestsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void controlCharactersInAnyJsonTextAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        for (String refused : new String[] {"\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u0085"}) {
            UUID id = UUID.randomUUID();
            Answer top = postJson("/stored-notes", "{\"id\":\"" + id + "\",\"text\":\"a" + refused + "b\"}");
            assertThat(top.status).as(refused).isEqualTo(400);
            assertThat(top.fieldCodes()).as(refused).isEqualTo("text:FORBIDDEN_CHARACTER");
            assertThat(stored(id)).isZero();

            Answer nested = postJson("/stored-notes", "{\"id\":\"" + id + "\",\"text\":\"ok\",\"place\":{\"city\":\"Tou"
                    + refused + "louse\",\"region\":\"76\"}}");
            assertThat(nested.fieldCodes()).as(refused).isEqualTo("place.city:FORBIDDEN_CHARACTER");
            assertThat(stored(id)).isZero();
        }
        // Line breaks and tabs stay allowed (a reason typed in a text area), and so does any real character.
        UUID accepted = UUID.randomUUID();
        assertThat(postJson("/stored-notes", "{\"id\":\"" + accepted + "\",\"text\":\"l1\\r\\nl2\\tD\u00e9j\u00e0 \uD83D\uDE00\"}").status)
                .isEqualTo(200);
        assertThat(stored(accepted)).isOne();
    }

    @Test
    void loneSurrogatesAreRefusedInsteadOfBecomingQuestionMarks() throws Exception {
        for (String lone : new String[] {"\\ud800", "\\udfff", "x\\ud83dy"}) {
            UUID id = UUID.randomUUID();
            Answer answer = postJson("/stored-notes", "{\"id\":\"" + id + "\",\"text\":\"" + lone + "\"}");
            assertThat(answer.status).isEqualTo(400);
            assertThat(answer.fieldCodes()).isEqualTo("text:FORBIDDEN_CHARACTER");
            assertThat(stored(id)).isZero();
        }
    }

    @Test
    void wrongJsonTypesAndUnknownFieldsAreRefusedNamingTheField() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(postJson("/stored-notes", "{\"id\":\"" + id + "\",\"text\":\"a\",\"place\":{\"region\":76}}").fieldCodes())
                .isEqualTo("place.region:INVALID_VALUE");
        assertThat(postJson("/stored-notes", "{\"id\":\"" + id + "\",\"text\":12}").fieldCodes()).isEqualTo("text:INVALID_VALUE");
        assertThat(postJson("/stored-notes", "{\"id\":\"" + id + "\",\"text\":true}").fieldCodes()).isEqualTo("text:INVALID_VALUE");
        assertThat(postJson("/stored-notes", "{\"id\":\"" + id + "\",\"text\":\"a\",\"flag\":null}").fieldCodes()).isEqualTo("flag:INVALID_VALUE");
        assertThat(postJson("/stored-notes", "{\"id\":\"" + id + "\",\"text\":\"a\",\"flag\":\"true\"}").fieldCodes()).isEqualTo("flag:INVALID_VALUE");
        assertThat(postJson("/stored-notes", "{\"id\":\"" + id + "\",\"text\":\"a\",\"flag\":1}").fieldCodes()).isEqualTo("flag:INVALID_VALUE");
        assertThat(postJson("/stored-notes", "{\"id\":\"" + id + "\",\"text\":\"a\",\"admin\":true}").fieldCodes()).isEqualTo("admin:INVALID_VALUE");
        assertThat(stored(id)).isZero();
        assertThat(postJson("/stored-notes", "{\"id\":\"" + id + "\",\"text\":\"a\",\"flag\":true}").status).isEqualTo(200);
    }

    @Test
    void controlCharactersInQueryAndFormParametersAreRefusedNamingTheParameter() throws Exception {
        Answer query = raw("GET /search?q=a%00b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(query.status).isEqualTo(400);
        assertThat(query.fieldCodes()).isEqualTo("q:FORBIDDEN_CHARACTER");

        String form = "reason=refus%07motif";
        Answer posted = raw("POST /form HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + form.length() + "\r\n\r\n" + form);
        assertThat(posted.status).isEqualTo(400);
        assertThat(posted.fieldCodes()).isEqualTo("reason:FORBIDDEN_CHARACTER");

        assertThat(raw("GET /search?q=Durand HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").status).isEqualTo(200);
    }

    @Test
    void bodiesOverTheLimitAreAnswered413WithOrWithoutADeclaredLength() throws Exception {
        String huge = "{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"" + "x".repeat(20_000) + "\"}";
        Answer declared = postJson("/stored-notes", huge);
        assertThat(declared.status).isEqualTo(413);
        assertThat(declared.json.path("code").asString()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(declared.body).doesNotContain("xxxx");

        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        TestHttpClient http = TestHttpClient.onPort(port);
        TestHttpClient.Answer chunked = http.send(http.request("/stored-notes", Map.of("Content-Type", "application/json"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));

        // Just under the limit is read and handled normally (chunked too).
        String fits = "{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"" + "y".repeat(15_000) + "\"}";
        byte[] fitting = fits.getBytes(StandardCharsets.UTF_8);
        TestHttpClient.Answer fitsChunked = http.send(http.request("/stored-notes", Map.of("Content-Type", "application/json"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(fitting))));
        assertThat(fitsChunked.status()).isEqualTo(200);
    }

    @Test
    void malformedRequestsAreProblemDocumentsNeverTomcatPagesNorSpringDefaults() throws Exception {
        assertProblem(raw("GET /error HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 404);
        assertProblem(raw("POST /error HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"), 404);
        assertProblem(raw("GET /notes%2Fx HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
        assertProblem(raw("GET /notes%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
        assertProblem(raw("GET /notes%ff HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
        assertProblem(raw("GET /../../etc/passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
        assertProblem(raw("GET /notes/%2e%2e/%2e%2e/x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
        assertProblem(raw("TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 405);
        assertProblem(raw("GET /search?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 414);
        assertProblem(raw("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n"), 431);
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status).as(answer.head).isEqualTo(status);
        assertThat(answer.head.toLowerCase()).as(answer.head).contains("content-type: application/problem+json");
        assertThat(answer.json.path("status").asInt()).isEqualTo(status);
        assertThat(answer.json.path("title").asString()).isNotBlank();
        assertThat(answer.json.path("code").asString()).isNotBlank();
        assertThat(answer.body).doesNotContain("<html", "Apache Tomcat", "\"timestamp\"", "\"path\"");
    }

    private int stored(UUID id) {
        return jdbc.sql("SELECT count(*) FROM note WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    private Answer postJson(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return raw(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), body);
    }

    private Answer raw(String request) throws IOException {
        return raw(request.getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
    }

    /** Raw HTTP/1.1, since ordinary clients refuse to send what a hostile client sends. */
    private Answer raw(byte[] head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head);
                out.write(body);
                out.flush();
            } catch (IOException refusedWhileSending) {
                // The server may answer and close before reading everything (413, 431): read what it said.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (IOException reset) {
                // A reset after the answer: keep what arrived.
            }
            return Answer.parse(received.toByteArray());
        }
    }

    record Answer(int status, String head, String body, JsonNode json) {
        static Answer parse(byte[] response) {
            String all = new String(response, StandardCharsets.ISO_8859_1);
            int split = all.indexOf("\r\n\r\n");
            String head = split < 0 ? all : all.substring(0, split);
            byte[] raw = split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(response, split + 4, response.length);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                raw = dechunk(raw);
            }
            String body = new String(raw, StandardCharsets.UTF_8);
            int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
            JsonNode json;
            try {
                json = JSON.readTree(body.isEmpty() ? "{}" : body);
            } catch (RuntimeException notJson) {
                json = JSON.readTree("{}");
            }
            return new Answer(status, head, body, json);
        }

        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            String text = new String(chunked, StandardCharsets.ISO_8859_1);
            int at = 0;
            while (at < text.length()) {
                int eol = text.indexOf("\r\n", at);
                if (eol < 0) {
                    break;
                }
                int size = Integer.parseInt(text.substring(at, eol).trim(), 16);
                if (size == 0) {
                    break;
                }
                body.write(chunked, eol + 2, Math.min(size, chunked.length - eol - 2));
                at = eol + 2 + size + 2;
            }
            return body.toByteArray();
        }

        String fieldCodes() {
            StringBuilder codes = new StringBuilder();
            json.path("errors").forEach(error -> codes.append(codes.isEmpty() ? "" : ",")
                    .append(error.path("field").asString()).append(':').append(error.path("code").asString()));
            return codes.toString();
        }
    }
}
