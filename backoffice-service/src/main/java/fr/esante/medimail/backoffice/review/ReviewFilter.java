package fr.esante.medimail.backoffice.review;

import java.util.EnumSet;
import java.util.Set;

/** Which reviews a list shows: the queue, or the decided ones (all, or by outcome). */
public enum ReviewFilter {
    PENDING(EnumSet.of(ReviewStatus.PENDING)),
    DECIDED(EnumSet.of(ReviewStatus.APPROVED, ReviewStatus.REJECTED)),
    APPROVED(EnumSet.of(ReviewStatus.APPROVED)),
    REJECTED(EnumSet.of(ReviewStatus.REJECTED));

    private final Set<ReviewStatus> statuses;

    ReviewFilter(Set<ReviewStatus> statuses) {
        this.statuses = statuses;
    }

    public Set<ReviewStatus> statuses() {
        return EnumSet.copyOf(statuses);
    }
}
