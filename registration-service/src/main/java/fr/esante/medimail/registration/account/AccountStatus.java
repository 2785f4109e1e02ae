package fr.esante.medimail.registration.account;

/** Where a registration stands; the names are part of the public API (GET /api/v1/me). */
public enum AccountStatus {
    /** Registered; the holder has not followed the e-mailed confirmation link yet. */
    EMAIL_CONFIRMATION_PENDING,
    /** E-mail confirmed; the professional profile is expected. */
    EMAIL_CONFIRMED,
    /** Profile submitted; the professional identity is being checked. */
    IDENTITY_CHECK_PENDING,
    /** The identity check failed; the holder may correct and resubmit the profile. */
    IDENTITY_REJECTED,
    /** Identity checked and MSSanté address reserved; back-office staff review the account. */
    VALIDATION_PENDING,
    /** The mailbox exists. Final (an INT mailbox may still become PER, keeping its address). */
    VALIDATED,
    /** Refused (no address can be derived, or staff rejected the account); a corrected profile starts again. */
    REJECTED,
    /** Was validated; back-office staff closed it (its MSSanté address is never given to anyone else). Staff may reopen it. */
    CLOSED;

    public boolean isFinal() {
        return this == VALIDATED;
    }
}
