package fr.esante.medimail.backoffice.identityreview.web;

import java.time.Instant;
import java.util.UUID;

import fr.esante.medimail.backoffice.identityreview.IdentityReview;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewRequest;

/**
 * An identity review as the API shows it. {@code kind} is always IDENTITY (account reviews of /api/v1/reviews
 * say ACCOUNT), so that a client merging both lists can tell them apart. {@code registrationId} is the account,
 * named as in /api/v1/reviews.
 */
record IdentityReviewJson(String kind, UUID id, UUID decisionId, UUID registrationId, String reason, String detail,
                          String path, String declaredLastName, String declaredFirstName, String directoryLastName,
                          String directoryFirstName, String identifierType, String identifier, String profession,
                          String source, Long directoryImportId, String liveFailure, String evidence, String email,
                          Instant requestedAt, String status, Instant decidedAt, String decidedBy, String refusalReason) {

    static final String KIND = "IDENTITY";

    static IdentityReviewJson of(IdentityReview review) {
        IdentityReviewRequest r = review.request();
        return new IdentityReviewJson(KIND, review.id(), r.decisionId(), r.accountId(), r.reason(), r.detail(), r.path(),
                r.declaredLastName(), r.declaredFirstName(), r.directoryLastName(), r.directoryFirstName(),
                r.identifierType(), r.identifier(), r.profession(), r.source(), r.directoryImportId(), r.liveFailure(),
                r.evidence(), review.email(), r.requestedAt(), review.status().name(), review.decidedAt(),
                review.decidedBy(), review.refusalReason());
    }
}
