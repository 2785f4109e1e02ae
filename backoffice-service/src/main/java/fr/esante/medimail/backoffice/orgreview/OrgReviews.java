package fr.esante.medimail.backoffice.orgreview;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where ORG reviews are kept (table org_review). */
public interface OrgReviews {

    /** Opens the review of a request unless it already has one; true when opened. */
    boolean open(OrgReview review);

    Optional<OrgReview> find(UUID id);

    /** Reviews whose status is one of {@code statuses}, oldest submission first. */
    List<OrgReview> list(List<String> statuses);

    /** Moves a review from {@code from} to {@code to}; false when it was not in {@code from} (someone was first). */
    boolean decide(UUID id, String from, String to, Instant at, String staff, String rejectionReason);
}
