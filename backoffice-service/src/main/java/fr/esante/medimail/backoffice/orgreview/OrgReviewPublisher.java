package fr.esante.medimail.backoffice.orgreview;

/** Announces staff's decision on an ORG request, and its closure, to the requester's service and to notification-service. */
public interface OrgReviewPublisher {

    void decided(OrgReview review);

    void closed(OrgReview review);
}
