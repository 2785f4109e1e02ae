package fr.esante.medimail.backoffice.review;

public enum ReviewStatus {
    PENDING, APPROVED, REJECTED
}
