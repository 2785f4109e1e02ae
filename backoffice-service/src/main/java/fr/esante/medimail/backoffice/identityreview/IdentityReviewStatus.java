package fr.esante.medimail.backoffice.identityreview;

public enum IdentityReviewStatus {
    PENDING, CONFIRMED, REFUSED
}
