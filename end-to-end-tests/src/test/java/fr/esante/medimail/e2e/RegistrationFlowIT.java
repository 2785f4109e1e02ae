package fr.esante.medimail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.embedded.KafkaTestClient;
import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.local.EmbeddedPlatformInfrastructure;
import fr.esante.medimail.local.LocalPlatform;
import fr.esante.medimail.local.PlatformServices;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.schemas.registry.SchemaRegistryClients;
import fr.esante.medimail.testsupport.TestHttpClient;
import tools.jackson.databind.JsonNode;

/**
 * The registration pipeline end to end, every hop a real Kafka record through the real serde, on an embedded
 * broker, PostgreSQL and mail server, with the five services running as they do in the local stack.
 */
class RegistrationFlowIT {

    private static EmbeddedInfrastructure infrastructure;
    private static PlatformServices platform;
    private static Mailbox mailbox;

    @BeforeAll
    static void startPlatform() {
        infrastructure = EmbeddedInfrastructure.shared();
        platform = PlatformServices.start(new EmbeddedPlatformInfrastructure(infrastructure), true, LocalPlatform.localSettings());
        mailbox = new Mailbox("127.0.0.1", infrastructure.imapPort());
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @Test
    void aDoctorWithAnRppsGetsAValidatedMssAddressThatDirectoryPublishersReceive() throws Exception {
        RegistrationJourney jean = new RegistrationJourney(platform, mailbox, "Jean", "Durand");
        jean.register();
        jean.confirmEmailFromTheLinkInTheMail();
        jean.logIn();
        jean.submitProfile("NATIONAL_ID", "RPPS", "99800000012", "10");

        JsonNode pending = jean.awaitStatus("VALIDATION_PENDING");
        String address = pending.get("mssAddress").asString();
        assertThat(address).matches("jean\\.durand[0-9]*@medecin\\.oc\\.mssante\\.fr");
        assertThat(pending.get("mailboxType").asString()).isEqualTo("PER");

        JsonNode review = jean.approveAsReviewer(LocalPlatform.SEEDED_REVIEWER, "agent");
        assertThat(review.get("mssAddress").asString()).isEqualTo(address);
        assertThat(review.get("identifier").asString()).isEqualTo("99800000012");

        // A directory publisher reads the Confluent wire format off the public topic.
        ConsumerRecord<String, byte[]> record = new KafkaTestClient(infrastructure.kafkaBootstrapServers())
                .awaitRecords(Topics.ACCOUNT_VALIDATED.name(), r -> jean.registrationId.equals(r.key()), Duration.ofSeconds(60))
                .get(0);
        byte[] wire = record.value();
        assertThat(wire[0]).isZero();
        int schemaId = ByteBuffer.wrap(wire, 1, 4).getInt();
        assertThat(schemaId).isEqualTo(SchemaRegistryClients.forUrl("mock://medimail")
                .latest(Topics.ACCOUNT_VALIDATED.valueSubject()).id());
        AccountValidated validated = Topics.ACCOUNT_VALIDATED.valueDeserializer(Map.of("schema.registry.url", "mock://medimail"))
                .deserialize(Topics.ACCOUNT_VALIDATED.name(), wire);
        assertThat(validated.getAccountId().toString()).isEqualTo(jean.registrationId);
        assertThat(validated.getMssAddress()).isEqualTo(address);
        assertThat(validated.getMailboxType()).isEqualTo("PER");
        assertThat(validated.getProfession()).isEqualTo("10");
        assertThat(validated.getIdentifierType()).isEqualTo("RPPS");
        assertThat(validated.getIdentifier()).isEqualTo("99800000012");
        assertThat(validated.getRegion()).isEqualTo("76");
        assertThat(validated.getDepartment()).isEqualTo("31");
        assertThat(validated.getLiberal()).isTrue();
        assertThat(validated.getDirectoryVisible()).isTrue();
        assertThat(validated.getPaperless()).isTrue();
        assertThat(validated.getValidatedBy()).isEqualTo(LocalPlatform.SEEDED_REVIEWER);

        Mailbox.Mail mail = mailbox.awaitMail(jean.email, "compte est validé");
        assertThat(mail.from()).contains("cerbere@mipih.fr");
        assertThat(mail.body()).contains(address);

        JsonNode me = jean.awaitStatus("VALIDATED");
        assertThat(me.get("mssAddress").asString()).isEqualTo(address);

        // Validated: signing in now takes the code e-mailed by cerbere@mipih.fr, then the terms of use.
        JsonNode signedIn = jean.signInWithTheEmailedCodeAndAcceptTheTerms();
        assertThat(signedIn.get("status").asString()).isEqualTo("VALIDATED");
    }

    @Test
    void aNearMissOnTheNameWaitsForAReviewerWhoConfirmsTheIdentityAndTheAccountGetsItsAddress() {
        // The sample directory has DURAND Jean (the homonym) for this RPPS: "Durant" is one letter away, a near miss.
        // Not 99800000012: the first test's account holds it (one live account per RPPS).
        RegistrationJourney jean = new RegistrationJourney(platform, mailbox, "Jean", "Durant");
        jean.register();
        jean.confirmEmailFromTheLinkInTheMail();
        jean.logIn();
        jean.submitProfile("NATIONAL_ID", "RPPS", "99800000061", "10");

        JsonNode review = jean.confirmIdentityAsReviewer(LocalPlatform.SEEDED_REVIEWER, "agent");
        assertThat(review.get("kind").asString()).isEqualTo("IDENTITY");
        assertThat(review.get("reason").asString()).isEqualTo("NAME_MISMATCH");
        assertThat(review.get("declaredLastName").asString()).isEqualTo("Durant");
        assertThat(review.get("directoryLastName").asString()).isEqualToIgnoringCase("Durand");
        assertThat(review.get("evidence").asString()).contains("NEAR_MISS");
        assertThat(jean.me().get("status").asString()).as("waiting, not refused, during the review")
                .isIn("IDENTITY_CHECK_PENDING", "VALIDATION_PENDING");

        JsonNode pending = jean.awaitStatus("VALIDATION_PENDING");
        assertThat(pending.get("mssAddress").asString()).matches("jean\\.durant[0-9]*@medecin\\.oc\\.mssante\\.fr");
        assertThat(pending.get("mailboxType").asString()).isEqualTo("PER");
    }

    @Test
    void anRppsWithAWrongCheckDigitEndsAsIdentityRejectedWithAReasonInFrench() {
        RegistrationJourney marie = new RegistrationJourney(platform, mailbox, "Marie", "Martin");
        marie.register();
        marie.confirmEmailFromTheLinkInTheMail();
        marie.logIn();
        // 99800000012 is valid; changing its last digit breaks the Luhn key.
        marie.submitProfile("NATIONAL_ID", "RPPS", "99800000013", "10");

        JsonNode me = marie.awaitStatus("IDENTITY_REJECTED");
        assertThat(me.toString()).contains("INVALID_CHECK_DIGIT");
        assertThat(me.get("rejectionReason").asString()).isNotBlank().doesNotContain("INVALID_CHECK_DIGIT");
    }

    @Test
    void aWellFormedRppsAbsentFromTheDirectoryEndsAsNotFound() {
        RegistrationJourney paul = new RegistrationJourney(platform, mailbox, "Paul", "Absent");
        paul.register();
        paul.confirmEmailFromTheLinkInTheMail();
        paul.logIn();
        paul.submitProfile("NATIONAL_ID", "RPPS", "99800000079", "10");

        JsonNode me = paul.awaitStatus("IDENTITY_REJECTED");
        assertThat(me.toString()).contains("NOT_FOUND");
    }

    @Test
    void malformedInputIsRefusedWithAProblemDocument() {
        RegistrationJourney nobody = new RegistrationJourney(platform, mailbox, "Nobody", "Nowhere");
        TestHttpClient.Answer response = nobody.client().send("POST", nobody.url("registration-service") +
                "/api/v1/registrations", "{\"lastName\": \"Durand\", ", Map.of());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");

        TestHttpClient.Answer missing = nobody.client().send("POST", nobody.url("registration-service") +
                "/api/v1/registrations", Map.of("lastName", "Durand", "email", nobody.email), Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"firstName\"", "REQUIRED");
    }

    @Test
    void everyServiceReportsItselfUp() {
        for (PlatformServices.Service service : PlatformServices.SERVICES) {
            TestHttpClient.Answer health = TestHttpClient.of(platform.baseUrl(service.name())).get("/actuator/health", Map.of());
            assertThat(health.status()).as(service.name() + ": " + health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        }
    }

    /** What Tomcat or Spring answer themselves is a problem document too, on every service (issue 13). */
    @Test
    void everyServiceAnswersMalformedRequestsWithProblemDocuments() throws Exception {
        String[] requests = {
                "GET /error HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /api/v1/x%2Fy HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /api/%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /api/%ff HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /../../etc/passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n",
                "GET /?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "POST /api/v1/anything HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n{"};
        for (PlatformServices.Service service : PlatformServices.SERVICES) {
            for (String request : requests) {
                String answer = rawExchange(platform.port(service.name()), request);
                String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
                assertThat(Integer.parseInt(head.substring(9, 12))).as(service.name() + " " + request.substring(0, 30))
                        .isBetween(400, 499);
                assertThat(head.toLowerCase()).as(service.name() + " " + request.substring(0, 30))
                        .contains("content-type: application/problem+json");
                assertThat(answer).doesNotContain("<html", "Apache Tomcat", "\"timestamp\"");
            }
        }
    }

    private static String rawExchange(int port, String request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            try {
                socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            } catch (java.io.IOException refusedWhileSending) {
                // Answered and closed before reading all of it: read the answer.
            }
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(received);
            } catch (java.io.IOException reset) {
                // Reset after the answer: keep what arrived.
            }
            return received.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
