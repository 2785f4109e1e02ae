package fr.esante.medimail.backoffice.review;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.backoffice.applicant.AccountStandingChanged;
import fr.esante.medimail.backoffice.applicant.ApplicantFiles;
import fr.esante.medimail.backoffice.audit.StaffAudit;

/**
 * Where staff decide. A decision is recorded with a conditional update (only a pending review can be
 * decided), and announced to the platform in the same transaction: of two reviewers deciding at once,
 * exactly one wins and exactly one event leaves.
 */
@Service
public class ReviewDesk {

    private static final Logger log = LoggerFactory.getLogger(ReviewDesk.class);

    private final Reviews reviews;
    private final DecisionPublisher publisher;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final StaffAudit audit;
    private final ApplicantFiles files;

    public ReviewDesk(Reviews reviews, DecisionPublisher publisher, Clock clock, ApplicationEventPublisher events,
                      StaffAudit audit, ApplicantFiles files) {
        this.audit = audit;
        this.files = files;
        this.reviews = reviews;
        this.publisher = publisher;
        this.clock = clock;
        this.events = events;
    }

    /**
     * @throws ReviewNotFound        no such review
     * @throws ReviewAlreadyDecided  it was decided before
     * @throws IdentityNotVerified   the identity evidence of the reviewed profile is not on file
     * @throws AccountAlreadyValidated another review of the account was approved
     */
    @Transactional
    public ReviewCase approve(UUID reviewId, String staff) {
        ReviewCase current = reviews.find(reviewId).orElseThrow(() -> new ReviewNotFound(reviewId));
        if (current.review().pending() && !current.file().identityCheckedForCurrentProfile()) {
            // A guard: reviews open only once the evidence is on file, but one opened otherwise must not be approved.
            throw new IdentityNotVerified(reviewId, current.file().accountId());
        }
        ReviewCase decided = decide(reviewId, Decision.approval(now(), staff));
        // Approving staff-corrected names makes them the ones the directory shows (see DirectoryListing).
        files.namesValidated(decided.file().accountId());
        publisher.accountValidated(decided);
        events.publishEvent(new AccountStandingChanged(decided.file().accountId()));
        log.info("Review {} approved by {}: account {} validated", reviewId, staff, decided.file().accountId());
        return decided;
    }

    /**
     * Rejecting the review of staff-corrected names does not undo the validation of the account: its mailbox and
     * address stay, the directory keeps the names last validated, and nothing is announced (AccountRejected would
     * release the holder's identifier and tell them their request was refused). Staff correct the names again, which
     * opens a new review, or close the account.
     *
     * @param reason French text for the applicant, 1 to {@value Decision#MAX_REASON_LENGTH} characters
     * @throws ReviewNotFound       no such review
     * @throws ReviewAlreadyDecided it was decided before
     */
    @Transactional
    public ReviewCase reject(UUID reviewId, String staff, String reason) {
        ReviewCase decided = decide(reviewId, Decision.rejection(now(), staff, reason));
        UUID accountId = decided.file().accountId();
        if (reviews.ofAccount(accountId).stream().anyMatch(review -> review.status() == ReviewStatus.APPROVED)) {
            log.info("Review {} of corrected names rejected by {}: account {} stays validated with its former names"
                    + " in the directory", reviewId, staff, accountId);
            return decided;
        }
        publisher.accountRejected(decided);
        log.info("Review {} rejected by {}: account {}", reviewId, staff, accountId);
        return decided;
    }

    private ReviewCase decide(UUID reviewId, Decision decision) {
        if (!reviews.decide(reviewId, decision)) {
            ReviewCase current = reviews.find(reviewId).orElseThrow(() -> new ReviewNotFound(reviewId));
            throw new ReviewAlreadyDecided(current.review());
        }
        ReviewCase decided = reviews.find(reviewId)
                .orElseThrow(() -> new IllegalStateException("Review " + reviewId + " vanished"));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", decision.outcome().name());
        after.put("accountId", decided.file().accountId().toString());
        if (decision.rejectionReason() != null) {
            after.put("rejectionReason", decision.rejectionReason());
        }
        audit.record(decision.decidedBy(), decision.outcome() == ReviewStatus.APPROVED ? "REVIEW_APPROVED" : "REVIEW_REJECTED",
                "REVIEW", reviewId, Map.of("status", ReviewStatus.PENDING.name()), after);
        return decided;
    }

    /** Millisecond precision, as the events carry it, so that the record and the event agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
