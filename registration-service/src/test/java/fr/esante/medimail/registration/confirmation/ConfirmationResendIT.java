package fr.esante.medimail.registration.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.AccountRequested;
import fr.esante.medimail.registration.IntegrationTest;
import fr.esante.medimail.schemas.Topics;

/** POST /api/v1/email-confirmations/resend, and the mail allowance that keeps any address from being flooded. */
class ConfirmationResendIT extends IntegrationTest {

    @Test
    void anUnconfirmedAccountGetsANewLinkOnceAMinuteHasPassedAndThePreviousLinkStopsWorking() {
        String email = uniqueEmail("oublieux");
        UUID id = register(email);
        AccountRequested first = awaitEvent(Topics.ACCOUNT_REQUESTED, id);
        String firstToken = secrets.open(first.getSealedConfirmationToken());

        Answer tooSoon = resend(email);
        assertThat(tooSoon.status()).as(tooSoon.body()).isEqualTo(202);
        assertThat(confirmationMails(id)).as("within the minute of the first mail: nothing sent").isEqualTo(1);

        mailAllowanceAgesBy(email, Duration.ofMinutes(2));
        Answer resent = resend(email.toUpperCase());
        assertThat(resent.status()).isEqualTo(202);
        assertThat(resent.body()).isEmpty();
        assertThat(confirmationMails(id)).isEqualTo(2);

        String newToken = secrets.open(confirmationEventOtherThan(id, first.getEventId()).getSealedConfirmationToken());
        assertThat(newToken).isNotEqualTo(firstToken);
        assertThat(confirm(firstToken).json().path("code").asString()).isEqualTo("TOKEN_INVALID");
        Answer confirmed = confirm(newToken);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asString()).isEqualTo("EMAIL_CONFIRMED");
    }

    @Test
    void unknownAndConfirmedAddressesGetTheSameAnswerAndNoMail() {
        String unknown = uniqueEmail("inconnu");
        Answer answer = resend(unknown);
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body()).isEmpty();
        assertThat(outboxEventsMentioning(unknown)).isZero();

        String email = uniqueEmail("confirme");
        UUID id = confirmedAccount(email);
        mailAllowanceAgesBy(email, Duration.ofMinutes(2));
        Answer confirmedAnswer = resend(email);
        assertThat(confirmedAnswer.status()).isEqualTo(202);
        assertThat(confirmedAnswer.body()).isEmpty();
        assertThat(confirmationMails(id)).isEqualTo(1);
    }

    @Test
    void aMalformedAddressIsA400OnItsField() {
        Answer answer = post("/api/v1/email-confirmations/resend", json(Map.of("email", "pas-une-adresse")));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.fieldCodes()).containsExactly("email:INVALID_FORMAT");
    }

    @Test
    void aHundredParallelRegistrationsOfOneAddressSendOneConfirmationMail() throws Exception {
        String email = uniqueEmail("rafale");
        String body = json(registrationFields(email));
        List<Answer> answers = inParallel(100, () -> post("/api/v1/registrations", body));
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(202));
        assertThat(accountsWithEmail(email)).isEqualTo(1);
        UUID id = accountId(email);
        assertThat(confirmationMails(id)).isEqualTo(1);
    }

    @Test
    void parallelResendsSendOneMailAndAFewADayAtMost() throws Exception {
        String email = uniqueEmail("insistant");
        UUID id = register(email);
        mailAllowanceAgesBy(email, Duration.ofMinutes(2));
        List<Answer> answers = inParallel(20, () -> resend(email));
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(202));
        assertThat(confirmationMails(id)).as("first mail + one resend").isEqualTo(2);

        for (int i = 0; i < 6; i++) {
            mailAllowanceAgesBy(email, Duration.ofMinutes(2));
            resend(email);
        }
        assertThat(confirmationMails(id)).as("5 mails a day at most").isEqualTo(5);

        mailAllowanceAgesBy(email, Duration.ofHours(24));
        resend(email);
        assertThat(confirmationMails(id)).as("a new day, a new allowance").isEqualTo(6);
    }

    private Answer resend(String email) {
        return post("/api/v1/email-confirmations/resend", json(Map.of("email", email)));
    }

    /** Each AccountRequested is one confirmation mail (notification-service sends one per event). */
    private int confirmationMails(UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = :topic AND record_key = :key")
                .param("topic", Topics.ACCOUNT_REQUESTED.name()).param("key", accountId.toString())
                .query(Integer.class).single();
    }

    private AccountRequested confirmationEventOtherThan(UUID accountId, UUID eventId) {
        var deserializer = Topics.ACCOUNT_REQUESTED.valueDeserializer(SERDE);
        String topic = Topics.ACCOUNT_REQUESTED.name();
        var records = kafka.awaitRecords(topic, r -> accountId.toString().equals(r.key())
                && !deserializer.deserialize(topic, r.value()).getEventId().equals(eventId), PATIENCE);
        return deserializer.deserialize(topic, records.get(0).value());
    }

    private UUID accountId(String email) {
        return jdbc.sql("SELECT id FROM account WHERE email = :email").param("email", email).query(UUID.class).single();
    }

    private static <T> List<T> inParallel(int count, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 32));
        try {
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : pool.invokeAll(Collections.nCopies(count, call))) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
