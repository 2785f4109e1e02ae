package fr.esante.medimail.backoffice.orgreview;

/** Announces staff's decision on an ORG request (to the requester's service and to notification-service). */
public interface OrgReviewPublisher {

    void decided(OrgReview review);
}
