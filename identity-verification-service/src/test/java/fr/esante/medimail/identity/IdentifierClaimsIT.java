package fr.esante.medimail.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import fr.esante.medimail.events.IdentityRejected;
import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.identity.decision.IdentityVerification;
import fr.esante.medimail.identity.decision.messaging.ProfileSubmittedListener;
import fr.esante.medimail.schemas.Topics;

/** One live account per RPPS/ADELI: a second account is refused, also when both are decided at the same moment. */
class IdentifierClaimsIT extends IdentityServiceContext {

    @Autowired
    TransactionTemplate transactions;
    @Autowired
    IdentityVerification verification;

    @Test
    void an_rpps_held_by_a_live_account_is_refused_to_another_account_until_the_first_is_rejected() {
        ProfessionalProfileSubmitted first = profile("NATIONAL_ID", "RPPS", "99800000087", "Œuvray", "François", "40");
        ProfessionalProfileSubmitted second = profile("NATIONAL_ID", "RPPS", "998 0000 0087", "Oeuvray", "François", "40");
        submit(first);
        submit(second);

        awaitVerified(first.getAccountId());
        IdentityRejected refused = awaitRejected(second.getAccountId());
        assertThat(refused.getReason()).isEqualTo("IDENTIFIER_ALREADY_REGISTERED");
        assertThat(refused.getDetail()).doesNotContain(first.getAccountId().toString());
        assertThat(decision(second.getEventId()).get("outcome")).isEqualTo("REJECTED");

        // The first account submits again (a correction): its own claim never stands in its way.
        ProfessionalProfileSubmitted again = ProfessionalProfileSubmitted.newBuilder(first)
                .setEventId(UUID.randomUUID()).setOccurredAt(Instant.now()).build();
        submit(again);
        await().atMost(Duration.ofSeconds(60)).until(() -> outboxCount(Topics.IDENTITY_VERIFIED.name(), first.getAccountId()) == 2);

        // Staff reject the first account: the RPPS is free again for whoever really holds it.
        UUID rejection = UUID.randomUUID();
        kafka.send(Topics.ACCOUNT_REJECTED.name(), first.getAccountId().toString(), serializer.serialize(
                Topics.ACCOUNT_REJECTED.name(), fr.esante.medimail.events.AccountRejected.newBuilder()
                        .setEventId(rejection).setAccountId(first.getAccountId()).setOccurredAt(Instant.now())
                        .setEmail("x@example.org").setFirstName("François").setReason("Doublon").setRejectedBy("agent").build()));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM identifier_claim WHERE account_id = :id").param("id", first.getAccountId())
                .query(Integer.class).single() == 0);
        ProfessionalProfileSubmitted third = profile("NATIONAL_ID", "RPPS", "99800000087", "Œuvray", "François", "40");
        submit(third);
        assertThat(awaitVerified(third.getAccountId()).getIdentifier()).isEqualTo("99800000087");
    }

    @Test
    void two_accounts_deciding_on_the_same_rpps_at_the_same_moment_never_both_proceed() throws Exception {
        // Two consumers (instances) decide at once: the first holds its transaction open after claiming, the second
        // claims meanwhile and must wait for it; once the first commits, the second is refused.
        ProfessionalProfileSubmitted first = profile("NATIONAL_ID", "RPPS", "99800000046", "D'Arcy", "Élodie", "70");
        ProfessionalProfileSubmitted second = profile("NATIONAL_ID", "RPPS", "99800000046", "D'Arcy", "Élodie", "70");
        java.util.concurrent.CountDownLatch firstDecided = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commitFirst = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var firstOutcome = pool.submit(() -> transactions.execute(status -> {
                var decision = verification.handle(ProfileSubmittedListener.toRequest(first));
                firstDecided.countDown();
                await().atMost(Duration.ofSeconds(30)).until(() -> commitFirst.getCount() == 0);
                return decision.outcome();
            }));
            assertThat(firstDecided.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var secondOutcome = pool.submit(() -> transactions.execute(status ->
                    verification.handle(ProfileSubmittedListener.toRequest(second))));
            // The second decision is blocked on the first one's claim, not finished before it.
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%identifier_claim%'")
                    .query(Integer.class).single() >= 1);
            commitFirst.countDown();

            assertThat(firstOutcome.get(30, java.util.concurrent.TimeUnit.SECONDS).name()).isEqualTo("VERIFIED");
            var refused = secondOutcome.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(refused.outcome().name()).isEqualTo("REJECTED");
            assertThat(refused.reason()).isEqualTo("IDENTIFIER_ALREADY_REGISTERED");
        } finally {
            commitFirst.countDown();
            pool.shutdown();
        }
        assertThat(outboxCount(Topics.IDENTITY_VERIFIED.name(), first.getAccountId())).isEqualTo(1);
        assertThat(outboxCount(Topics.IDENTITY_VERIFIED.name(), second.getAccountId())).isZero();
        assertThat(outboxCount(Topics.IDENTITY_REJECTED.name(), second.getAccountId())).isEqualTo(1);
    }
}
