package fr.esante.medimail.support.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resource limits (and the one logging guard) every service starts with, at the lowest precedence: a service's yml,
 * the environment or the command line override any of them. The values and their reasons are listed in the README ("Hardening").
 */
public class WebLimitsDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = defaults();

    private static Map<String, Object> defaults() {
        Map<String, Object> limits = new LinkedHashMap<>();
        // Longest silence allowed while reading a request (Tomcat reads the request line and headers without holding a
        // thread); longer than medimail.web.body-read-timeout, so a slow body gets its 408 answer before the socket times out.
        limits.put("server.tomcat.connection-timeout", "15s");
        limits.put("server.tomcat.keep-alive-timeout", "20s");
        limits.put("server.tomcat.max-keep-alive-requests", "100");
        // Connections beyond max-connections wait in the accept queue, beyond accept-count they are refused.
        limits.put("server.tomcat.max-connections", "2000");
        limits.put("server.tomcat.accept-count", "100");
        // Worker threads: bodies are read without them (RequestGuard), so a few dozen serve a service well.
        limits.put("server.tomcat.threads.max", "50");
        limits.put("server.tomcat.threads.min-spare", "4");
        limits.put("server.max-http-request-header-size", "8KB");
        limits.put("server.tomcat.max-http-form-post-size", "16KB");
        limits.put("server.tomcat.max-swallow-size", "64KB");
        limits.put("server.tomcat.max-parameter-count", "100");
        // Database connections per service, and how long (ms) a request waits for one before failing rather than hanging.
        limits.put("spring.datasource.hikari.maximum-pool-size", "10");
        limits.put("spring.datasource.hikari.connection-timeout", "10000");
        limits.put("medimail.web.max-request-body", "16KB");
        limits.put("medimail.web.body-read-timeout", "10s");
        // Loggers that print raw wire data at DEBUG stay quiet even with the root logger at DEBUG, unless named
        // explicitly. Tomcat dumps every request as received, passwords and bearer tokens included.
        limits.put("logging.level.org.apache.coyote.http11.Http11InputBuffer", "INFO");
        // Spring MVC logs each request's URL with its query string, and the e-mailed confirmation link carries its token there.
        limits.put("logging.level.org.springframework.web.servlet.DispatcherServlet", "INFO");
        // Apache HttpClient 4 (the FHIR client of the national directory) logs headers, the API key among them.
        limits.put("logging.level.org.apache.http.wire", "INFO");
        limits.put("logging.level.org.apache.http.headers", "INFO");
        return Map.copyOf(limits);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("medimail-web-limits", DEFAULTS));
    }
}
