package fr.esante.medimail.backoffice.applicant;

import java.util.UUID;

/**
 * Published (synchronously, inside the transaction) when an account was validated, closed or reopened: whoever
 * derives something from the account's standing (the directory feed) looks again.
 */
public record AccountStandingChanged(UUID accountId) {
}
