package fr.esante.medimail.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.AccountRequested;
import fr.esante.medimail.events.RegistrationAttemptedForExistingAccount;
import fr.esante.medimail.registration.IntegrationTest;
import fr.esante.medimail.schemas.Topics;

class RegistrationIT extends IntegrationTest {

    @Test
    void aNewAddressGetsAnAccountWaitingForConfirmationAndAnEventWithTheSealedToken() {
        String email = uniqueEmail("jean.durand");
        String form = registration("  " + email.toUpperCase() + " ").withLastName("  DURAND ").json();

        Answer answer = post("/api/v1/registrations", form);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().path("status").asString()).isEqualTo("EMAIL_CONFIRMATION_PENDING");
        UUID id = UUID.fromString(answer.json().path("registrationId").asString());
        var row = jdbc.sql("SELECT email, last_name, status, password_hash, confirmation_token_hash FROM account WHERE id = :id")
                .param("id", id).query().singleRow();
        assertThat(row.get("email")).isEqualTo(email);
        assertThat(row.get("last_name")).isEqualTo("DURAND");
        assertThat(row.get("status")).isEqualTo("EMAIL_CONFIRMATION_PENDING");
        assertThat((String) row.get("password_hash")).startsWith("$argon2id$v=19$m=7168,t=5,p=1$").doesNotContain(PASSWORD);

        AccountRequested event = awaitEvent(Topics.ACCOUNT_REQUESTED, id);
        assertThat(event.getAccountId()).isEqualTo(id);
        assertThat(event.getEmail()).isEqualTo(email);
        assertThat(event.getLastName()).isEqualTo("DURAND");
        assertThat(event.getFirstName()).isEqualTo("Jean");
        assertThat(event.getRegion()).isEqualTo("76");
        assertThat(event.getConfirmationExpiresAt()).isBetween(Instant.now().plus(Duration.ofHours(23)),
                Instant.now().plus(Duration.ofHours(25)));
        String token = secrets.open(event.getSealedConfirmationToken());
        assertThat(event.getSealedConfirmationToken()).doesNotContain(token);
        assertThat(row.get("confirmation_token_hash")).isEqualTo(fr.esante.medimail.support.secrets.SecretTokens.hash(token));

        Answer confirmed = confirm(token);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("registrationId").asString()).isEqualTo(id.toString());
        assertThat(confirmed.json().path("status").asString()).isEqualTo("EMAIL_CONFIRMED");
    }

    @Test
    void anAddressThatAlreadyHasAConfirmedAccountGetsTheSameAnswerAndItsOwnerIsTold() {
        String email = uniqueEmail("marie.dupont");
        UUID existing = confirmedAccount(email);

        Answer answer = post("/api/v1/registrations", registration(email.toUpperCase()).withFirstName("Usurpateur").json());

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("registrationId", "status");
        assertThat(answer.json().path("status").asString()).isEqualTo("EMAIL_CONFIRMATION_PENDING");
        assertThat(answer.json().path("registrationId").asString()).isNotEqualTo(existing.toString());
        assertThat(accountsWithEmail(email)).isEqualTo(1);

        RegistrationAttemptedForExistingAccount event = awaitEvent(Topics.REGISTRATION_ATTEMPTED_FOR_EXISTING_ACCOUNT, existing);
        assertThat(event.getEmail()).isEqualTo(email);
        assertThat(event.getFirstName()).isEqualTo("Jean");
        assertThat(outboxEvents(Topics.ACCOUNT_REQUESTED.name(), existing)).as("no new link for a confirmed address").isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM account WHERE id = :id").param("id", existing).query(String.class).single())
                .isEqualTo("EMAIL_CONFIRMED");
    }

    @Test
    void anUnconfirmedAddressWhoseLinkExpiredGetsANewLinkByRegisteringAgainAndTheOldLinkStopsWorking() {
        String email = uniqueEmail("retardataire");
        UUID id = register(email);
        AccountRequested first = awaitEvent(Topics.ACCOUNT_REQUESTED, id);
        String oldToken = secrets.open(first.getSealedConfirmationToken());
        jdbc.sql("UPDATE account SET confirmation_expires_at = :past WHERE id = :id")
                .param("past", java.sql.Timestamp.from(Instant.now().minusSeconds(60))).param("id", id).update();
        mailAllowanceAgesBy(email, Duration.ofHours(24));
        assertThat(confirm(oldToken).json().path("code").asString()).isEqualTo("TOKEN_EXPIRED");
        assertThat(signIn(email, PASSWORD).json().path("code").asString()).isEqualTo("EMAIL_NOT_CONFIRMED");

        Answer answer = post("/api/v1/registrations", registration(email.toUpperCase()).withFirstName("Jeanne").json());

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("registrationId", "status");
        assertThat(answer.json().path("status").asString()).isEqualTo("EMAIL_CONFIRMATION_PENDING");
        assertThat(answer.json().path("registrationId").asString()).as("no enumeration").isNotEqualTo(id.toString());
        assertThat(accountsWithEmail(email)).isEqualTo(1);

        AccountRequested renewed = awaitAccountRequested(id, e -> !e.getEventId().equals(first.getEventId()));
        assertThat(renewed.getEmail()).isEqualTo(email);
        assertThat(renewed.getFirstName()).as("the account itself is unchanged").isEqualTo("Jean");
        assertThat(renewed.getLastName()).isEqualTo("DURAND");
        assertThat(renewed.getRegion()).isEqualTo("76");
        assertThat(renewed.getConfirmationExpiresAt()).isBetween(Instant.now().plus(Duration.ofHours(23)),
                Instant.now().plus(Duration.ofHours(25)));
        String newToken = secrets.open(renewed.getSealedConfirmationToken());
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(outboxEvents(Topics.REGISTRATION_ATTEMPTED_FOR_EXISTING_ACCOUNT.name(), id)).isZero();
        assertThat(outboxEvents(Topics.ACCOUNT_REQUESTED.name(), id)).isEqualTo(2);

        Answer old = confirm(oldToken);
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.json().path("code").asString()).isEqualTo("TOKEN_INVALID");

        Answer confirmed = confirm(newToken);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("registrationId").asString()).isEqualTo(id.toString());
        assertThat(confirmed.json().path("status").asString()).isEqualTo("EMAIL_CONFIRMED");
        assertThat(signIn(email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void concurrentRegistrationsOfOneAddressMakeOneAccountAndTheSameAnswers() throws Exception {
        String email = uniqueEmail("impatient");
        String body = json(registrationFields(email));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var answers = pool.invokeAll(java.util.Collections.nCopies(4,
                    (java.util.concurrent.Callable<Answer>) () -> post("/api/v1/registrations", body)));
            for (var answer : answers) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(202);
                assertThat(answer.get().json().path("status").asString()).isEqualTo("EMAIL_CONFIRMATION_PENDING");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(accountsWithEmail(email)).isEqualTo(1);
    }

    @Test
    void invalidFieldsAreRefusedOneCodePerFieldWithFrenchMessagesAndNothingIsStored() {
        String email = uniqueEmail("invalid");
        String form = registration(email).withLastName(" ").withFirstName("J".repeat(101)).withPassword("court1")
                .withPasswordConfirmation("autre-chose").json();
        Answer answer = post("/api/v1/registrations", form);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.fieldCodes()).containsExactlyInAnyOrder("lastName:REQUIRED", "firstName:TOO_LONG",
                "password:PASSWORD_TOO_WEAK", "passwordConfirmation:PASSWORDS_DO_NOT_MATCH");
        assertThat(answer.body()).contains("Le nom est obligatoire.", "au moins 12 caractères",
                "La confirmation ne correspond pas au mot de passe.");

        Map<String, Object> more = registration("pas-une-adresse").withPassword("seulementdeslettres").withRegion("Occitanie")
                .fields();
        more.remove("firstName");
        assertThat(post("/api/v1/registrations", json(more)).fieldCodes()).containsExactlyInAnyOrder(
                "email:INVALID_FORMAT", "password:PASSWORD_TOO_WEAK", "region:INVALID_FORMAT", "firstName:REQUIRED");

        Map<String, Object> tooLongEmail = registrationFields("a".repeat(250) + "@example.org");
        assertThat(post("/api/v1/registrations", json(tooLongEmail)).fieldCodes()).contains("email:TOO_LONG");

        assertThat(accountsWithEmail(email)).isZero();
        assertThat(outboxEventsMentioning(email)).isZero();
    }

    @Test
    void unreadableOrOversizedBodiesAreRefusedBeforeAnythingIsStored() {
        String email = uniqueEmail("unreadable");
        Map<String, Object> valid = registrationFields(email);

        Answer malformed = post("/api/v1/registrations", json(valid).replace("}", ""));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("code").asString()).isEqualTo("MALFORMED_REQUEST");

        Map<String, Object> wrongType = registrationFields(email);
        wrongType.put("lastName", java.util.List.of("DURAND"));
        Answer wrongTypeAnswer = post("/api/v1/registrations", json(wrongType));
        assertThat(wrongTypeAnswer.status()).isEqualTo(400);
        assertThat(wrongTypeAnswer.fieldCodes()).containsExactly("lastName:INVALID_VALUE");

        Map<String, Object> unknownField = registrationFields(email);
        unknownField.put("isAdmin", true);
        Answer unknownFieldAnswer = post("/api/v1/registrations", json(unknownField));
        assertThat(unknownFieldAnswer.status()).isEqualTo(400);
        assertThat(unknownFieldAnswer.fieldCodes()).containsExactly("isAdmin:INVALID_VALUE");

        Map<String, Object> huge = registrationFields(email);
        huge.put("lastName", "D".repeat(20_000));
        Answer tooLarge = post("/api/v1/registrations", json(huge));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.json().path("code").asString()).isEqualTo("REQUEST_TOO_LARGE");

        // Without a declared length (chunked), the body is read up to the limit, then refused the same way.
        byte[] hugeBytes = json(huge).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Answer chunked = send(request("/api/v1/registrations", null).POST(
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(hugeBytes))));
        assertThat(chunked.status()).isEqualTo(413);

        assertThat(accountsWithEmail(email)).isZero();
        assertThat(outboxEventsMentioning(email)).isZero();
    }

    @Test
    void aRegionWhereMedimailIsNotTheChosenMessagingIsRefusedWith422() {
        String email = uniqueEmail("ile-de-france");
        Answer answer = post("/api/v1/registrations", registration(email).withRegion("11").json());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asString()).isEqualTo("REGION_NOT_SERVED");
        assertThat(answer.json().path("detail").asString()).contains("région");
        assertThat(accountsWithEmail(email)).isZero();
        assertThat(outboxEventsMentioning(email)).isZero();
    }

    private int outboxEvents(String topic, UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = :topic AND record_key = :key")
                .param("topic", topic).param("key", accountId.toString()).query(Integer.class).single();
    }

    private AccountRequested awaitAccountRequested(UUID accountId, java.util.function.Predicate<AccountRequested> which) {
        var deserializer = Topics.ACCOUNT_REQUESTED.valueDeserializer(SERDE);
        String topic = Topics.ACCOUNT_REQUESTED.name();
        var records = kafka.awaitRecords(topic, r -> accountId.toString().equals(r.key())
                && which.test(deserializer.deserialize(topic, r.value())), PATIENCE);
        return deserializer.deserialize(topic, records.get(0).value());
    }

    @Test
    void theHomePageIsFrench() {
        Answer home = get("/", null);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.contentType()).startsWith("text/html");
        assertThat(home.body()).contains("lang=\"fr\"", "Créer un compte", "/js/inscription.js", "0 820 250 035");
    }
}
