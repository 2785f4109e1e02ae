package fr.esante.medimail.backoffice.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The promise made to applicants: a decision within 48 hours (configurable) of submitting the profile.
 * A review's age runs from the submission to the decision, or to now while it is pending.
 */
@Component
public class ReviewPromise {

    private final Clock clock;
    private final Duration promise;

    public ReviewPromise(Clock clock, @Value("${medimail.backoffice.review-promise:48h}") Duration promise) {
        this.clock = clock;
        this.promise = promise;
    }

    public Duration promise() {
        return promise;
    }

    public Duration ageOf(Review review) {
        Instant end = review.decidedAt() != null ? review.decidedAt() : clock.instant();
        Duration age = Duration.between(review.submittedAt(), end);
        return age.isNegative() ? Duration.ZERO : age;
    }

    public boolean overdue(Review review) {
        return ageOf(review).compareTo(promise) > 0;
    }
}
