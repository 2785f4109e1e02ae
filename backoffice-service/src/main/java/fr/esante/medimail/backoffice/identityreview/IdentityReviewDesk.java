package fr.esante.medimail.backoffice.identityreview;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.backoffice.audit.StaffAudit;

/**
 * Identity reviews: opened from IdentityReviewRequested, concluded by staff. A conclusion is recorded with a
 * conditional update and announced (IdentityReviewConcluded) in the same transaction: of two reviewers
 * concluding at once, exactly one wins and exactly one event leaves.
 */
@Service
public class IdentityReviewDesk {

    private static final Logger log = LoggerFactory.getLogger(IdentityReviewDesk.class);

    private final IdentityReviews reviews;
    private final IdentityConclusionPublisher publisher;
    private final Clock clock;
    private final StaffAudit audit;

    public IdentityReviewDesk(IdentityReviews reviews, IdentityConclusionPublisher publisher, Clock clock, StaffAudit audit) {
        this.audit = audit;
        this.reviews = reviews;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Runs in the consumer's transaction; a decision already in the queue is left as it is. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requested(IdentityReviewRequest request) {
        UUID reviewId = UUID.randomUUID();
        if (reviews.open(reviewId, request)) {
            log.info("Identity review {} opened for account {} (decision {}, {})", reviewId, request.accountId(),
                    request.decisionId(), request.reason());
        } else {
            log.info("Identity review for decision {} already exists: ignored", request.decisionId());
        }
    }

    @Transactional(readOnly = true)
    public List<IdentityReview> list(IdentityReviewFilter filter) {
        return reviews.list(filter.statuses());
    }

    @Transactional(readOnly = true)
    public List<IdentityReview> ofAccount(UUID accountId) {
        return reviews.ofAccount(accountId);
    }

    @Transactional(readOnly = true)
    public Optional<IdentityReview> find(UUID reviewId) {
        return reviews.find(reviewId);
    }

    /**
     * @throws IdentityReviewNotFound       no such review
     * @throws IdentityReviewAlreadyDecided it was concluded before
     */
    @Transactional
    public IdentityReview confirm(UUID reviewId, String staff) {
        IdentityReview concluded = conclude(reviewId, IdentityReviewStatus.CONFIRMED, staff, null);
        log.info("Identity review {} confirmed by {}: account {}", reviewId, staff, concluded.request().accountId());
        return concluded;
    }

    /**
     * @param reason French text for the applicant, 1 to {@value IdentityReview#MAX_REASON_LENGTH} characters
     * @throws IdentityReviewNotFound       no such review
     * @throws IdentityReviewAlreadyDecided it was concluded before
     */
    @Transactional
    public IdentityReview refuse(UUID reviewId, String staff, String reason) {
        if (!IdentityReview.validReason(reason)) {
            throw new IllegalArgumentException("A refusal needs a reason of 1 to " + IdentityReview.MAX_REASON_LENGTH + " characters");
        }
        IdentityReview concluded = conclude(reviewId, IdentityReviewStatus.REFUSED, staff, reason.strip());
        log.info("Identity review {} refused by {}: account {}", reviewId, staff, concluded.request().accountId());
        return concluded;
    }

    private IdentityReview conclude(UUID reviewId, IdentityReviewStatus outcome, String staff, String reason) {
        if (staff == null || staff.isBlank()) {
            throw new IllegalArgumentException("A conclusion is taken by a named staff member");
        }
        if (!reviews.conclude(reviewId, outcome, now(), staff, reason)) {
            IdentityReview current = reviews.find(reviewId).orElseThrow(() -> new IdentityReviewNotFound(reviewId));
            throw new IdentityReviewAlreadyDecided(current);
        }
        IdentityReview concluded = reviews.find(reviewId)
                .orElseThrow(() -> new IllegalStateException("Identity review " + reviewId + " vanished"));
        publisher.concluded(concluded);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", outcome.name());
        after.put("accountId", concluded.request().accountId().toString());
        if (reason != null) {
            after.put("refusalReason", reason);
        }
        audit.record(staff, outcome == IdentityReviewStatus.CONFIRMED ? "IDENTITY_CONFIRMED" : "IDENTITY_REFUSED",
                "IDENTITY_REVIEW", reviewId, Map.of("status", IdentityReviewStatus.PENDING.name()), after);
        return concluded;
    }

    /** Millisecond precision, as the events carry it, so that the record and the event agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
