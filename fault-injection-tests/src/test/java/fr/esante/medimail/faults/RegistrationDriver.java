package fr.esante.medimail.faults;

import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.esante.medimail.local.LocalPlatform;
import fr.esante.medimail.testsupport.TestHttpClient;
import fr.esante.medimail.testsupport.payloads.ProfileSubmissions;
import fr.esante.medimail.testsupport.payloads.Registrations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load of the fault suite: one registration taken from the form to VALIDATED as a professional and a reviewer
 * would (the confirmation link from the e-mail, a session, the profile, the staff approval), each step retried while
 * the part it needs is down. Every fictional professional is known to both directories (see {@link #rpps}).
 */
final class RegistrationDriver {

    static final String PASSWORD = "Motdepasse-solide-2026";
    private static final String REVIEWER = LocalPlatform.SEEDED_REVIEWER;
    private static final Duration STEP_PATIENCE = Duration.ofMinutes(Long.getLong("faults.step-patience-minutes", 15));
    private static final Pattern CONFIRMATION_LINK = Pattern.compile("/confirmation\\?token=([A-Za-z0-9_%\\-]+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Quick to give up on a service the suite just killed: {@link #retry} tries again. */
    private static final TestHttpClient http = TestHttpClient.absoluteUrls().withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(20));

    private final ServiceProcesses services;
    private final Smtp smtp;
    private final Databases databases;
    private final long seed;

    RegistrationDriver(ServiceProcesses services, Smtp smtp, Databases databases, long seed) {
        this.services = services;
        this.smtp = smtp;
        this.databases = databases;
        this.seed = seed;
    }

    /** What the suite knows of one registration; {@code accountId} is set once the platform accepted it. */
    static final class Registration {
        final String email;
        final String lastName;
        final String rpps;
        volatile String accountId;
        volatile String failure;

        Registration(String email, String lastName, String rpps) {
            this.email = email;
            this.lastName = lastName;
            this.rpps = rpps;
        }
    }

    Registration drive(int index) {
        Registration registration = new Registration("jean." + lastName(index).toLowerCase() + "." + Long.toString(seed & 0xfffff, 36)
                + "@example.org", lastName(index), rpps(index));
        try {
            register(registration);
            String token = retry("confirmation e-mail of " + registration.email, () -> confirmationToken(registration.email));
            retry("e-mail confirmation", () -> {
                Answer answer = send("POST", "registration-service", "/api/v1/email-confirmations", Map.of("token", token), Map.of());
                if (answer.status == 200) {
                    return true;
                }
                // Answered by an earlier attempt whose response was lost: the account says so.
                return answer.status == 400 && "EMAIL_CONFIRMED".equals(databases.accountStatus(registration.accountId)) ? true : null;
            });
            String accessToken = retry("session", () -> {
                Answer answer = send("POST", "registration-service", "/api/v1/sessions",
                        Map.of("email", registration.email, "password", PASSWORD), Map.of());
                return answer.status == 200 ? answer.json().get("accessToken").asString() : null;
            });
            retry("professional profile", () -> {
                if (!"EMAIL_CONFIRMED".equals(databases.accountStatus(registration.accountId))) {
                    return true;
                }
                Answer answer = send("PUT", "registration-service", "/api/v1/me/professional-profile", profile(registration),
                        TestHttpClient.bearer(accessToken));
                return answer.status == 202 ? true : null;
            });
            retry("address issued", () -> {
                String status = databases.accountStatus(registration.accountId);
                if (status != null && !status.endsWith("_PENDING") && !status.equals("VALIDATED")) {
                    throw new IllegalStateException("account ended " + status);
                }
                return "VALIDATION_PENDING".equals(status) || "VALIDATED".equals(status) ? true : null;
            });
            retry("staff approval", () -> {
                if ("VALIDATED".equals(databases.accountStatus(registration.accountId))) {
                    return true;
                }
                Answer pending = send("GET", "backoffice-service", "/api/v1/reviews?status=PENDING", null, reviewer());
                if (pending.status != 200) {
                    return null;
                }
                for (JsonNode review : pending.json()) {
                    if (registration.accountId.equals(review.get("registrationId").asString())) {
                        Answer approval = send("POST", "backoffice-service", "/api/v1/reviews/" + review.get("id").asString() + "/approval",
                                "{}", reviewer());
                        return approval.status == 200 || approval.status == 409 ? true : null;
                    }
                }
                return null;
            });
            retry("validated", () -> "VALIDATED".equals(databases.accountStatus(registration.accountId)) ? true : null);
        } catch (RuntimeException e) {
            registration.failure = e.toString();
        }
        return registration;
    }

    private void register(Registration registration) {
        Map<String, Object> form = Registrations.aProfessional().withLastName(registration.lastName).withEmail(registration.email)
                .withPassword(PASSWORD).fields();
        registration.accountId = retry("registration", () -> {
            // An attempt whose answer was lost may have been accepted: the database tells, and a second POST would
            // (rightly) e-mail the holder about a second registration attempt.
            String existing = databases.queryString("registration-service", "SELECT id::text FROM account WHERE email = ?", registration.email);
            if (existing != null) {
                return existing;
            }
            Answer answer = send("POST", "registration-service", "/api/v1/registrations", form, Map.of());
            if (answer.status == 202) {
                return answer.json().get("registrationId").asString();
            }
            if (answer.status >= 400 && answer.status < 500) {
                throw new IllegalStateException("registration refused: " + answer.status + " " + answer.body);
            }
            return null;
        });
    }

    /** A general practitioner of the stub directory (profession 10, which the stub gives every RPPS), no specialty. */
    private static Map<String, Object> profile(Registration registration) {
        return ProfileSubmissions.rpps(registration.rpps).withProfession("10").fields();
    }

    private String confirmationToken(String email) {
        for (Smtp.Mail mail : smtp.allMails()) {
            if (mail.to().equals(email) && mail.subject().contains("confirmez votre adresse")) {
                Matcher link = CONFIRMATION_LINK.matcher(mail.body());
                if (link.find()) {
                    return URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    /** Calls {@code step} until it returns a value; failures (a part down) and {@code null} mean "not yet". */
    private static <T> T retry(String what, java.util.concurrent.Callable<T> step) {
        long deadline = System.nanoTime() + STEP_PATIENCE.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = step.call();
                if (value != null) {
                    return value;
                }
            } catch (IllegalStateException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + ": interrupted");
            }
        }
        throw new IllegalStateException(what + ": no success within " + STEP_PATIENCE + (last == null ? "" : ", last error " + last));
    }

    record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** @throws java.io.UncheckedIOException when the service gave no answer (down): {@link #retry} tries again */
    private Answer send(String method, String service, String path, Object body, Map<String, String> headers) {
        String url = services.baseUrl(service) + path;
        TestHttpClient.Answer answer = body == null
                ? http.send(http.request(url, headers).method(method, HttpRequest.BodyPublishers.noBody()))
                : http.send(method, url, body, headers);
        return new Answer(answer.status(), answer.body());
    }

    private static Map<String, String> reviewer() {
        return TestHttpClient.basic(REVIEWER, "agent");
    }

    /** Last names without digits (names refuse them), distinct per index: Panneaa, Panneab, … */
    static String lastName(int index) {
        return "Panne" + (char) ('a' + index / 26 % 26) + (char) ('a' + index % 26);
    }

    /** 9980001 + three digits + the Luhn key: an RPPS of this suite's fictional range. */
    static String rpps(int index) {
        String base = "9980001" + String.format("%03d", index);
        int sum = 0;
        for (int i = 0; i < base.length(); i++) {
            int digit = base.charAt(base.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return base + (10 - sum % 10) % 10;
    }
}
