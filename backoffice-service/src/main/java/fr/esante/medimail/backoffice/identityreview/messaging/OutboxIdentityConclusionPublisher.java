package fr.esante.medimail.backoffice.identityreview.messaging;

import java.util.UUID;

import org.springframework.stereotype.Component;

import fr.esante.medimail.backoffice.identityreview.IdentityConclusionPublisher;
import fr.esante.medimail.backoffice.identityreview.IdentityReview;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewStatus;
import fr.esante.medimail.events.IdentityReviewConcluded;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;

/** IdentityReviewConcluded through the outbox, within the conclusion's transaction; key = account id. */
@Component
class OutboxIdentityConclusionPublisher implements IdentityConclusionPublisher {

    private final Outbox outbox;

    OutboxIdentityConclusionPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void concluded(IdentityReview concluded) {
        outbox.append(Topics.IDENTITY_REVIEW_CONCLUDED, concluded.request().accountId().toString(), event(concluded));
    }

    static IdentityReviewConcluded event(IdentityReview concluded) {
        if (concluded.pending()) {
            throw new IllegalArgumentException("Identity review " + concluded.id() + " is still pending");
        }
        return IdentityReviewConcluded.newBuilder()
                .setEventId(UUID.randomUUID())
                .setAccountId(concluded.request().accountId())
                .setOccurredAt(concluded.decidedAt())
                .setDecisionId(concluded.request().decisionId())
                .setConfirmed(concluded.status() == IdentityReviewStatus.CONFIRMED)
                .setReason(concluded.refusalReason())
                .setReviewedBy(concluded.decidedBy())
                .build();
    }
}
