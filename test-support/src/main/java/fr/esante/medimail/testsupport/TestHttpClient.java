package fr.esante.medimail.testsupport;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a web client or a staff tool does in tests: JSON (or form) over HTTP against one base URL, answers read as
 * text. The JDK client, so the tests go through the real server, filters and error handling.
 */
public final class TestHttpClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String baseUrl;

    private TestHttpClient(String baseUrl, HttpClient http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    /** @param baseUrl e.g. {@code http://localhost:8081} */
    public static TestHttpClient of(String baseUrl) {
        return new TestHttpClient(baseUrl, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** A client whose paths are whole URLs, for tests that talk to several services. */
    public static TestHttpClient absoluteUrls() {
        return of("");
    }

    public static TestHttpClient onPort(int port) {
        return of("http://localhost:" + port);
    }

    /**
     * A browser tab we can inspect: keeps the cookies the server sets (a staff session) and, like every client here,
     * does not follow redirects, so a test reads the {@code Location} it was sent to.
     */
    public static TestHttpClient browserOnPort(int port) {
        return new TestHttpClient("http://localhost:" + port, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** An answer: status, content type, body and all headers. */
    public record Answer(int status, String body, HttpHeaders headers) {

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Answer get(String path, Map<String, String> headers) {
        return send(request(path, headers).GET());
    }

    /** @param body a JSON text, or any object written as JSON */
    public Answer send(String method, String path, Object body, Map<String, String> headers) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return send(request(path, headers).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public Answer delete(String path, Map<String, String> headers) {
        return send(request(path, headers).DELETE());
    }

    /** A request to complete (method, more headers) before {@link #send(HttpRequest.Builder)}. */
    public HttpRequest.Builder request(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
        headers.forEach(request::header);
        return request;
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("HTTP call interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        }
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    public static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Several header maps as one (later ones win). */
    @SafeVarargs
    public static Map<String, String> headers(Map<String, String>... parts) {
        Map<String, String> all = new LinkedHashMap<>();
        for (Map<String, String> part : parts) {
            all.putAll(part);
        }
        return all;
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
