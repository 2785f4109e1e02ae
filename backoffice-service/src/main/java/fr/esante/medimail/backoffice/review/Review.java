package fr.esante.medimail.backoffice.review;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One profile submission of one account waiting for, or having received, a staff decision.
 * {@code submittedAt} is when the reviewed profile was submitted: the promise of a decision within 48 h runs from there.
 */
public record Review(UUID id, UUID accountId, ReviewStatus status, Instant submittedAt, Instant openedAt,
                     Instant decidedAt, String decidedBy, String rejectionReason) {

    public Review {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    public boolean pending() {
        return status == ReviewStatus.PENDING;
    }
}
