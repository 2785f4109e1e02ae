package fr.esante.medimail.backoffice.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.backoffice.applicant.ApplicantFile;
import fr.esante.medimail.backoffice.applicant.ApplicantFileUpdated;

/**
 * The queue of accounts waiting for a staff decision. An account enters it as soon as its file holds the
 * submitted profile, the MSSante address and the identity evidence for that profile, whatever the order in
 * which they arrived.
 */
@Service
public class ReviewQueue {

    private static final Logger log = LoggerFactory.getLogger(ReviewQueue.class);

    private final Reviews reviews;

    public ReviewQueue(Reviews reviews) {
        this.reviews = reviews;
    }

    /** Runs inside the transaction that updated the file (which holds the file's lock). */
    @EventListener
    public void onApplicantFileUpdated(ApplicantFileUpdated update) {
        ApplicantFile file = update.file();
        if (!file.readyForReview()) {
            return;
        }
        Optional<Instant> submission = ReviewOpening.submissionToReview(file, reviews.ofAccount(file.accountId()));
        if (submission.isEmpty()) {
            return;
        }
        UUID reviewId = UUID.randomUUID();
        if (reviews.open(reviewId, file.accountId(), submission.get())) {
            log.info("Account {} enters the review queue (review {}, profile submitted at {})", file.accountId(),
                    reviewId, submission.get());
        }
    }

    @Transactional(readOnly = true)
    public List<ReviewCase> list(ReviewFilter filter) {
        return reviews.list(filter.statuses());
    }

    /** The staff page's view of the queue: the first {@code limit} pending reviews matching the query. */
    @Transactional(readOnly = true)
    public QueuePage pending(QueueQuery query, int limit, Instant overdueBefore) {
        return reviews.pending(query, limit, overdueBefore);
    }

    @Transactional(readOnly = true)
    public Optional<ReviewCase> find(UUID reviewId) {
        return reviews.find(reviewId);
    }

    /** Every review of the account, oldest submission first: its history of submissions and decisions. */
    @Transactional(readOnly = true)
    public List<Review> ofAccount(UUID accountId) {
        return reviews.ofAccount(accountId);
    }
}
