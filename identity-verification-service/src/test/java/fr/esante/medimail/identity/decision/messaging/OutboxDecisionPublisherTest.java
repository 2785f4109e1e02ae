package fr.esante.medimail.identity.decision.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import fr.esante.medimail.events.IdentityRejected;
import fr.esante.medimail.identity.decision.DecisionLog;
import fr.esante.medimail.identity.decision.PendingReview;
import fr.esante.medimail.identity.decision.ReviewConclusion;
import fr.esante.medimail.schemas.Topic;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;

/** What a reviewer's refusal publishes: registration-service shows IdentityRejected.detail to the applicant. */
class OutboxDecisionPublisherTest {

    private static final String REVIEWER = "marie.reviewer";

    private final List<Object[]> appended = new ArrayList<>();
    private final Outbox outbox = new Outbox(null) {
        @Override
        public <V extends SpecificRecord> void append(Topic<V> topic, String key, V event) {
            appended.add(new Object[] {topic, key, event});
        }
    };
    private final OutboxDecisionPublisher publisher = new OutboxDecisionPublisher(outbox, importId -> Optional.empty());
    private final PendingReview review = new PendingReview(UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-03-02T08:00:00Z"),
            "NAME_MISMATCH", "Durant", "Jean", "10", List.of("SM54"), "RPPS", "99800000012", "PER", null, List.of(), false);

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t"})
    void a_refusal_without_text_has_an_empty_detail_no_english_and_no_login(String reason) {
        DecisionLog.PublishedEvent published = publisher.publishRefused(review, conclusion(reason));

        IdentityRejected event = onlyRejection();
        assertThat(event.getReason()).isEqualTo(OutboxDecisionPublisher.REJECTED_BY_REVIEWER);
        assertThat(event.getDetail()).isEmpty();
        assertThat(event.getAccountId()).isEqualTo(review.accountId());
        assertThat(event.getEventId()).isEqualTo(published.eventId());
        assertThat(published.type()).isEqualTo("IdentityRejected");
    }

    @Test
    void a_refusal_with_text_carries_the_reviewers_words_stripped() {
        publisher.publishRefused(review, conclusion("  Le nom saisi ne correspond pas à votre carte CPS.\n"));

        IdentityRejected event = onlyRejection();
        assertThat(event.getDetail()).isEqualTo("Le nom saisi ne correspond pas à votre carte CPS.");
        assertThat(event.getDetail()).doesNotContain(REVIEWER);
    }

    private ReviewConclusion conclusion(String reason) {
        return new ReviewConclusion(UUID.randomUUID(), review.accountId(), review.decisionId(), false, reason, REVIEWER,
                Instant.parse("2026-03-02T10:00:00Z"));
    }

    private IdentityRejected onlyRejection() {
        assertThat(appended).hasSize(1);
        assertThat(appended.get(0)[0]).isEqualTo(Topics.IDENTITY_REJECTED);
        assertThat(appended.get(0)[1]).isEqualTo(review.accountId().toString());
        return (IdentityRejected) appended.get(0)[2];
    }
}
