package fr.esante.medimail.backoffice.identityreview;

import java.util.EnumSet;
import java.util.Set;

/** Which identity reviews a list shows: the queue, or the concluded ones (all, or by outcome). */
public enum IdentityReviewFilter {
    PENDING(EnumSet.of(IdentityReviewStatus.PENDING)),
    DECIDED(EnumSet.of(IdentityReviewStatus.CONFIRMED, IdentityReviewStatus.REFUSED)),
    CONFIRMED(EnumSet.of(IdentityReviewStatus.CONFIRMED)),
    REFUSED(EnumSet.of(IdentityReviewStatus.REFUSED));

    private final Set<IdentityReviewStatus> statuses;

    IdentityReviewFilter(Set<IdentityReviewStatus> statuses) {
        this.statuses = statuses;
    }

    public Set<IdentityReviewStatus> statuses() {
        return EnumSet.copyOf(statuses);
    }
}
