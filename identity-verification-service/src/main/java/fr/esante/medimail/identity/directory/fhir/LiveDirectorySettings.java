package fr.esante.medimail.identity.directory.fhir;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Annuaire Santé FHIR API ({@code medimail.directory.live.*}). Without a base URL and an API key the
 * service works from the imported directory alone (the default: ANS has no sandbox and keys are personal).
 *
 * @param callTimeout        the whole call, reading included (Resilience4j time limiter)
 * @param maxAttempts        1 = no retry
 * @param callsPerSecond     ANS allows 17 calls per second per application
 * @param permitWait         how long a call may wait for the rate limiter before giving up (imported directory then)
 * @param failureRatePercent circuit breaker opens above this share of failed calls
 * @param openDuration       how long the breaker stays open before trying again
 */
@ConfigurationProperties("medimail.directory.live")
public record LiveDirectorySettings(String baseUrl, String apiKey, Duration connectTimeout, Duration readTimeout,
                                    Duration callTimeout, int maxAttempts, Duration retryWait, int callsPerSecond,
                                    Duration permitWait, int failureRatePercent, int minimumCalls, int slidingWindowSize,
                                    Duration openDuration) {

    public LiveDirectorySettings {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(3) : readTimeout;
        callTimeout = callTimeout == null ? Duration.ofSeconds(4) : callTimeout;
        maxAttempts = maxAttempts <= 0 ? 2 : maxAttempts;
        retryWait = retryWait == null ? Duration.ofMillis(300) : retryWait;
        callsPerSecond = callsPerSecond <= 0 ? 17 : Math.min(callsPerSecond, 17);
        permitWait = permitWait == null ? Duration.ofMillis(500) : permitWait;
        failureRatePercent = failureRatePercent <= 0 ? 50 : failureRatePercent;
        minimumCalls = minimumCalls <= 0 ? 5 : minimumCalls;
        slidingWindowSize = slidingWindowSize <= 0 ? 20 : slidingWindowSize;
        openDuration = openDuration == null ? Duration.ofSeconds(30) : openDuration;
    }

    public boolean configured() {
        return baseUrl != null && !baseUrl.isBlank() && apiKey != null && !apiKey.isBlank();
    }

    public static LiveDirectorySettings of(String baseUrl, String apiKey) {
        return new LiveDirectorySettings(baseUrl, apiKey, null, null, null, 0, null, 0, null, 0, 0, 0, null);
    }
}
