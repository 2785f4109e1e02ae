package fr.esante.medimail.registration.mailing;

/** The kinds of e-mail sent to an address on request; each kind has its own allowance per address. */
public enum MailKind {
    /** A link to confirm the address (registration, registration again, resend). */
    CONFIRMATION,
    /** "Someone tried to register with your address" (the address already has an account). */
    EXISTING_ACCOUNT_NOTICE,
    /** A link to choose a new password. */
    PASSWORD_RESET
}
