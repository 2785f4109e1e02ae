package fr.esante.medimail.identity.directory.fhir;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.exceptions.NonFhirResponseException;
import ca.uhn.fhir.rest.client.interceptor.AdditionalRequestHeadersInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import fr.esante.medimail.identity.directory.DirectoryAnswer;
import fr.esante.medimail.identity.directory.DirectorySource;
import fr.esante.medimail.identity.directory.Professional;
import fr.esante.medimail.identity.directory.ProfessionalDirectory;
import fr.esante.medimail.identity.identifiers.IdentifierType;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/**
 * The Annuaire Santé FHIR API, consulted through the HAPI FHIR client under Resilience4j: rate limiter (ANS
 * allows 17 calls per second), time limiter, retry of transient failures, circuit breaker. Whatever goes
 * wrong, the answer is {@link DirectoryAnswer.Unavailable} with the reason, and the caller falls back on the
 * imported directory; nothing here throws.
 *
 * <p>Decoration order, outermost first: retry, circuit breaker, rate limiter, time limiter. Each attempt takes
 * a permit and counts for the breaker; an open breaker or an exhausted rate limiter is not retried.
 */
public class FhirLiveDirectory implements ProfessionalDirectory, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FhirLiveDirectory.class);
    public static final String API_KEY_HEADER = "ESANTE-API-KEY";

    private final IGenericClient client;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final RateLimiter rateLimiter;
    private final TimeLimiter timeLimiter;
    private final ExecutorService calls;
    private final CloseableHttpClient http;

    public FhirLiveDirectory(FhirContext fhir, LiveDirectorySettings settings) {
        IRestfulClientFactory factory = fhir.getRestfulClientFactory();
        // No CapabilityStatement fetch before the first search: one call per look-up, within ANS's quota.
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        // Apache HttpClient retries idempotent requests three times by itself; Resilience4j decides instead.
        this.http = HttpClients.custom()
                .disableAutomaticRetries()
                .setMaxConnTotal(settings.callsPerSecond() * 2)
                .setMaxConnPerRoute(settings.callsPerSecond() * 2)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout((int) settings.connectTimeout().toMillis())
                        .setConnectionRequestTimeout((int) settings.connectTimeout().toMillis())
                        .setSocketTimeout((int) settings.readTimeout().toMillis())
                        .build())
                .build();
        factory.setHttpClient(http);
        this.client = fhir.newRestfulGenericClient(settings.baseUrl());
        AdditionalRequestHeadersInterceptor apiKey = new AdditionalRequestHeadersInterceptor();
        apiKey.addHeaderValue(API_KEY_HEADER, settings.apiKey());
        client.registerInterceptor(apiKey);

        this.retry = Retry.of("annuaire-sante", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .waitDuration(settings.retryWait())
                .retryOnException(FhirLiveDirectory::isTransient)
                .build());
        this.circuitBreaker = CircuitBreaker.of("annuaire-sante", CircuitBreakerConfig.custom()
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(2)
                // Our own throttling says nothing about ANS's health.
                .ignoreExceptions(RequestNotPermitted.class)
                .build());
        this.rateLimiter = RateLimiter.of("annuaire-sante", RateLimiterConfig.custom()
                .limitForPeriod(settings.callsPerSecond())
                .limitRefreshPeriod(java.time.Duration.ofSeconds(1))
                .timeoutDuration(settings.permitWait())
                .build());
        this.timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(settings.callTimeout())
                .cancelRunningFuture(true)
                .build());
        AtomicInteger threads = new AtomicInteger();
        this.calls = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "annuaire-sante-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public DirectoryAnswer findProfessional(IdentifierType type, String identifier) {
        String nationalId = (type == IdentifierType.RPPS ? "8" : "0") + identifier;
        Supplier<Bundle> call = () -> search(nationalId);
        Supplier<Bundle> timed = () -> {
            try {
                return timeLimiter.executeFutureSupplier(() -> calls.submit(call::get));
            } catch (TimeoutException e) {
                throw new LiveCallTimeout("no answer within " + timeLimiter.getTimeLimiterConfig().getTimeoutDuration().toMillis() + " ms");
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Supplier<Bundle> decorated = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(circuitBreaker, RateLimiter.decorateSupplier(rateLimiter, timed)));
        try {
            Bundle bundle = decorated.get();
            Optional<Professional> professional = FhirPractitionerMapper.map(bundle, type.name(), identifier, nationalId);
            return professional.<DirectoryAnswer>map(p -> new DirectoryAnswer.Found(p, DirectorySource.LIVE_DIRECTORY, null))
                    .orElseGet(() -> new DirectoryAnswer.NotFound(DirectorySource.LIVE_DIRECTORY, null));
        } catch (RuntimeException e) {
            String reason = describe(unwrap(e));
            log.warn("Live directory gave no answer for {} ({}); circuit {}", type, reason, circuitBreaker.getState());
            return new DirectoryAnswer.Unavailable(DirectorySource.LIVE_DIRECTORY, reason);
        }
    }

    private Bundle search(String nationalId) {
        return client.search()
                .forResource(Practitioner.class)
                .where(Practitioner.IDENTIFIER.exactly().code(nationalId))
                .revInclude(PractitionerRole.INCLUDE_PRACTITIONER)
                .returnBundle(Bundle.class)
                .execute();
    }

    public CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }

    /** Worth another try: the network, a timeout, the server's own trouble or its rate limit. */
    static boolean isTransient(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (malformed(cause) != null) {
            return false;
        }
        if (cause instanceof LiveCallTimeout || cause instanceof FhirClientConnectionException) {
            return true;
        }
        if (cause instanceof NonFhirResponseException) {
            return false;
        }
        if (cause instanceof BaseServerResponseException response) {
            return response.getStatusCode() >= 500 || response.getStatusCode() == 429;
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.ExecutionException || cause instanceof java.util.concurrent.CompletionException
                || (cause instanceof IllegalStateException && cause.getCause() != null)) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** HAPI reports an unparsable body as a connection failure whose cause is the parser's. */
    private static DataFormatException malformed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataFormatException parse) {
                return parse;
            }
        }
        return null;
    }

    private static String describe(Throwable cause) {
        DataFormatException parse = malformed(cause);
        if (parse != null) {
            return "malformed response: " + firstLine(parse.getMessage());
        }
        if (cause instanceof CallNotPermittedException) {
            return "circuit breaker open after repeated failures";
        }
        if (cause instanceof RequestNotPermitted) {
            return "rate limit of the live directory reached";
        }
        if (cause instanceof LiveCallTimeout timeout) {
            return "timeout: " + timeout.getMessage();
        }
        if (cause instanceof FhirClientConnectionException) {
            return "connection failed: " + firstLine(cause.getMessage());
        }
        if (cause instanceof NonFhirResponseException response) {
            return "not a FHIR response (HTTP " + response.getStatusCode() + ")";
        }
        if (cause instanceof BaseServerResponseException response) {
            return "HTTP " + response.getStatusCode() + (response.getStatusCode() == 401 || response.getStatusCode() == 403
                    ? " (API key refused)" : "");
        }
        return cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    @Override
    public void close() {
        calls.shutdownNow();
        try {
            http.close();
        } catch (java.io.IOException e) {
            log.debug("Closing the live directory's HTTP client: {}", e.toString());
        }
    }

    static final class LiveCallTimeout extends RuntimeException {
        LiveCallTimeout(String message) {
            super(message, null, false, false);
        }
    }
}
