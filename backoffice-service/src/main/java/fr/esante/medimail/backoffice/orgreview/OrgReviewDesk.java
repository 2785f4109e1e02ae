package fr.esante.medimail.backoffice.orgreview;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.backoffice.audit.StaffAudit;

/**
 * Staff decisions on organisational (ORG) mailbox requests, in the same transaction as their audit record, the
 * announcement of the decision and the directory entry: approving publishes the ORG entry (type ORG, the structure's
 * identifier, no holder names) on the directory feed; closing an approved ORG mailbox publishes its tombstone.
 */
@Service
public class OrgReviewDesk {

    private static final Logger log = LoggerFactory.getLogger(OrgReviewDesk.class);

    private final OrgReviews reviews;
    private final OrgReviewPublisher publisher;
    private final OrgDirectory directory;
    private final StaffAudit audit;
    private final Clock clock;

    public OrgReviewDesk(OrgReviews reviews, OrgReviewPublisher publisher, OrgDirectory directory, StaffAudit audit,
                         Clock clock) {
        this.reviews = reviews;
        this.publisher = publisher;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** The request enters the queue (a redelivered event changes nothing). Runs in the consumer's transaction. */
    public void open(OrgReview review) {
        if (reviews.open(review)) {
            log.info("ORG request {} enters the review queue (review {})", review.requestId(), review.id());
        }
    }

    @Transactional(readOnly = true)
    public List<OrgReview> list(List<String> statuses) {
        return reviews.list(statuses);
    }

    @Transactional(readOnly = true)
    public Optional<OrgReview> find(UUID id) {
        return reviews.find(id);
    }

    /** @throws OrgReviewAlreadyDecided when decided before; empty when no ORG review has this id */
    @Transactional
    public Optional<OrgReview> approve(UUID id, String staff) {
        Optional<OrgReview> decided = decide(id, "PENDING", "APPROVED", staff, null, "ORG_REVIEW_APPROVED");
        decided.ifPresent(review -> {
            publisher.decided(review);
            directory.publish(review);
        });
        return decided;
    }

    @Transactional
    public Optional<OrgReview> reject(UUID id, String staff, String reason) {
        Optional<OrgReview> decided = decide(id, "PENDING", "REJECTED", staff, reason, "ORG_REVIEW_REJECTED");
        decided.ifPresent(publisher::decided);
        return decided;
    }

    /**
     * Closes an approved ORG mailbox: its directory entry disappears, its owner and members learn it (their service
     * stops member changes, the owner is e-mailed); its address stays reserved for good.
     */
    @Transactional
    public Optional<OrgReview> close(UUID id, String staff) {
        Optional<OrgReview> closed = decide(id, "APPROVED", "CLOSED", staff, null, "ORG_MAILBOX_CLOSED");
        closed.ifPresent(review -> {
            directory.withdraw(review.mssAddress());
            publisher.closed(review);
        });
        return closed;
    }

    private Optional<OrgReview> decide(UUID id, String from, String to, String staff, String reason, String action) {
        Optional<OrgReview> current = reviews.find(id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!reviews.decide(id, from, to, now, staff, reason)) {
            throw new OrgReviewAlreadyDecided(reviews.find(id).orElseThrow());
        }
        OrgReview decided = reviews.find(id).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to);
        after.put("requestId", decided.requestId().toString());
        after.put("mssAddress", decided.mssAddress());
        if (reason != null) {
            after.put("rejectionReason", reason);
        }
        audit.record(staff, action, "ORG_REVIEW", id, Map.of("status", from), after);
        log.info("ORG review {} ({}) {} by {}", id, decided.mssAddress(), to, staff);
        return Optional.of(decided);
    }
}
