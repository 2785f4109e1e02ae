package fr.esante.medimail.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a web client, a browser tab or a staff tool does in tests: JSON or forms over HTTP against one base URL, answers
 * read as text. The JDK client, so the tests go through the real server, filters and error handling. No client here
 * follows redirects, so a test reads the {@code Location} it was sent to and sees every hop.
 */
public final class TestHttpClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    /** Spring Security's hidden form field, as every page with a form writes it. */
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String baseUrl;
    private final Duration answerTimeout;

    private TestHttpClient(String baseUrl, HttpClient http, Duration answerTimeout) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.answerTimeout = answerTimeout;
    }

    /** @param baseUrl e.g. {@code http://localhost:8081} */
    public static TestHttpClient of(String baseUrl) {
        return new TestHttpClient(baseUrl, HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build(), ANSWER_TIMEOUT);
    }

    /** A client whose paths are whole URLs, for tests that talk to several services. */
    public static TestHttpClient absoluteUrls() {
        return of("");
    }

    public static TestHttpClient onPort(int port) {
        return of("http://localhost:" + port);
    }

    /**
     * A browser tab we can inspect: keeps the cookies the servers set (a staff session, a sign-in in progress at Pro
     * Santé Connect), each for the host that set it.
     */
    public static TestHttpClient browserOnPort(int port) {
        return browser("http://localhost:" + port);
    }

    /** A browser tab whose paths are whole URLs: one that goes from our pages to an identity provider and back. */
    public static TestHttpClient browser() {
        return browser("");
    }

    private static TestHttpClient browser(String baseUrl) {
        // ACCEPT_ALL: the JDK's default policy would also keep them, but only after guessing a domain for hosts such as
        // 127.0.0.1; the test servers are ours, so every cookie they set is kept, for the host that set it.
        return new TestHttpClient(baseUrl, HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build(), ANSWER_TIMEOUT);
    }

    /**
     * The same client with other patience: a suite that kills services on purpose wants a call to a dead or frozen
     * service to fail fast and be retried, not to hold its thread for the usual 30 s.
     */
    public TestHttpClient withTimeouts(Duration connect, Duration answer) {
        return new TestHttpClient(baseUrl, HttpClient.newBuilder().connectTimeout(connect).build(), answer);
    }

    /** An answer: status, content type, body and all headers. */
    public record Answer(int status, String body, HttpHeaders headers) {

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** Where a redirect sends the client, or null when the answer is no redirect. */
        public String location() {
            return headers.firstValue("Location").orElse(null);
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

    /** A form as a browser submits it ({@code application/x-www-form-urlencoded}), fields in the map's order. */
    public Answer postForm(String path, Map<String, String> fields, Map<String, String> headers) {
        String form = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public Answer delete(String path, Map<String, String> headers) {
        return send(request(path, headers).DELETE());
    }

    /**
     * The body of a GET as it arrives, for an answer too big to hold as one string (an export); the caller closes it.
     */
    public InputStream getStreamed(String path, Map<String, String> headers) {
        return call(request(path, headers).GET(), HttpResponse.BodyHandlers.ofInputStream()).body();
    }

    /** A request to complete (method, more headers) before {@link #send(HttpRequest.Builder)}. */
    public HttpRequest.Builder request(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(answerTimeout);
        headers.forEach(request::header);
        return request;
    }

    /**
     * @throws UncheckedIOException when no answer came (connection refused or reset, timeout): a test that expects a
     *         server to be down at times catches this one
     */
    public Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response = call(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), response.headers());
    }

    private <T> HttpResponse<T> call(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("HTTP call interrupted", e);
        } catch (IOException e) {
            throw new UncheckedIOException("HTTP call failed: " + e, e);
        }
    }

    /** The CSRF token a page's forms carry (one per session), to send back with a form; null when the page has none. */
    public static String csrfToken(String page) {
        Matcher field = CSRF_FIELD.matcher(page);
        return field.find() ? field.group(1) : null;
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
