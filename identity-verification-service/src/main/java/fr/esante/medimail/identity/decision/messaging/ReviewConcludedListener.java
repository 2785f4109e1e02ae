package fr.esante.medimail.identity.decision.messaging;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.esante.medimail.events.IdentityReviewConcluded;
import fr.esante.medimail.identity.decision.ManualReview;
import fr.esante.medimail.identity.decision.ReviewConclusion;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.inbox.EventConsumers;

/**
 * Binds {@code onIdentityReviewConcluded-in-0}: a reviewer's conclusion on a pending identity review becomes
 * IdentityVerified or IdentityRejected.
 */
@Configuration(proxyBeanMethods = false)
public class ReviewConcludedListener {

    @Bean
    Consumer<Message<byte[]>> onIdentityReviewConcluded(EventConsumers consumers, ManualReview review, Clock clock) {
        return consumers.consumer(Topics.IDENTITY_REVIEW_CONCLUDED, event -> review.conclude(toConclusion(event, clock)));
    }

    /** Dated when this service applies it (millisecond precision, as events carry it): that is when the outcome is decided. */
    static ReviewConclusion toConclusion(IdentityReviewConcluded event, Clock clock) {
        return new ReviewConclusion(event.getEventId(), event.getAccountId(), event.getDecisionId(), event.getConfirmed(),
                event.getReason(), event.getReviewedBy(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
}
