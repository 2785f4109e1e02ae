package fr.esante.medimail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.local.EmbeddedPlatformInfrastructure;
import fr.esante.medimail.local.LocalPlatform;
import fr.esante.medimail.local.PlatformServices;

/**
 * One registration is one trace across the five services: the profile submission (HTTP) is followed through each outbox,
 * each Kafka hop and each consumer, up to the e-mail announcing the MSSante address. The spans are those each service's
 * OpenTelemetry SDK exports, caught in memory ({@link CapturedSpans}) instead of sent to a collector.
 */
class TracingIT {

    private static final List<String> SERVICES = List.of("registration-service", "identity-verification-service",
            "mss-address-service", "backoffice-service", "notification-service");

    private static PlatformServices platform;
    private static Mailbox mailbox;

    @BeforeAll
    static void startPlatform() {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
        Map<String, Map<String, Object>> settings = new HashMap<>(LocalPlatform.localSettings());
        settings.put("*", Map.of("medimail.test.capture-spans", true,
                "management.opentelemetry.tracing.export.schedule-delay", "100ms"));
        platform = PlatformServices.start(new EmbeddedPlatformInfrastructure(infrastructure), true, settings);
        mailbox = new Mailbox("127.0.0.1", infrastructure.imapPort());
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @Test
    void theProfileSubmissionIsOneTraceThroughTheFiveServicesOutboxesAndTopicsIncluded() {
        // 99800060016 (GARNIER Lucie) is in the sample directory: the identity check passes without a reviewer.
        RegistrationJourney lucie = new RegistrationJourney(platform, mailbox, "Lucie", "Garnier");
        lucie.register();
        lucie.confirmEmailFromTheLinkInTheMail();
        lucie.logIn();
        lucie.submitProfile("NATIONAL_ID", "RPPS", "99800060016", "10");
        lucie.awaitStatus("VALIDATION_PENDING");

        SpanData submission = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> CapturedSpans.ALL.all().stream()
                        .filter(span -> "registration-service".equals(CapturedSpans.service(span))
                                && span.getKind() == SpanKind.SERVER && span.getName().equals("http put /api/v1/me/professional-profile"))
                        .findFirst(), found -> found.isPresent()).orElseThrow();
        assertThat(submission.getParentSpanContext().isValid()).as("the request starts the trace").isFalse();

        String traceId = submission.getTraceId();
        List<SpanData> trace = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> CapturedSpans.ALL.ofTrace(traceId), spans -> services(spans).containsAll(SERVICES)
                        && names(spans, "notification-service").stream().anyMatch(name -> name.contains("account-status-changed")));

        // Each hop: the registration's outbox relay continues the request's trace, every consumer continues the record's.
        assertThat(names(trace, "registration-service"))
                .contains("outbox relay medimail.professional-profile-submitted.v1")
                .anyMatch(name -> name.contains("mss-address-assigned"));
        assertThat(names(trace, "identity-verification-service"))
                .anyMatch(name -> name.contains("professional-profile-submitted"))
                .contains("outbox relay medimail.identity-verified.v1");
        assertThat(names(trace, "mss-address-service"))
                .anyMatch(name -> name.contains("identity-verified"))
                .contains("outbox relay medimail.mss-address-assigned.v1");
        assertThat(names(trace, "backoffice-service")).anyMatch(name -> name.contains("professional-profile-submitted"));
        assertThat(names(trace, "notification-service")).anyMatch(name -> name.contains("account-status-changed"));
        assertThat(trace).filteredOn(span -> span.getKind() == SpanKind.CONSUMER).extracting(CapturedSpans::service)
                .as("consumer spans").containsAll(SERVICES);
        // One tree: every span but the request's has its parent in the trace.
        Set<String> ids = trace.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
        assertThat(trace).filteredOn(span -> span != submission)
                .allSatisfy(span -> assertThat(ids).as("parent of %s in %s", span.getName(), CapturedSpans.service(span))
                        .contains(span.getParentSpanId()));
    }

    private static Set<String> services(List<SpanData> spans) {
        return spans.stream().map(CapturedSpans::service).collect(Collectors.toSet());
    }

    private static List<String> names(List<SpanData> spans, String service) {
        return spans.stream().filter(span -> service.equals(CapturedSpans.service(span))).map(SpanData::getName).toList();
    }
}
