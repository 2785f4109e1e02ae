package fr.esante.medimail.registration.organisation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An organisational (ORG) mailbox request and, once approved, the mailbox: what its owner sees.
 * {@code address} is the proposed address while staff review it, the mailbox's address once validated.
 */
public record OrganisationalMailbox(UUID requestId, UUID ownerAccountId, String label, String structureIdentifierType,
                                    String structureIdentifier, String purpose, Status status, String address,
                                    String rejectionReason, List<String> memberEmails, Instant requestedAt) {

    /** The names are part of the public API ({@code GET /api/v1/me/organisational-mailboxes}). */
    public enum Status {
        /** The structure is being checked, then staff review the request (24–48 h). */
        VALIDATION_PENDING,
        /** The mailbox exists. */
        VALIDATED,
        /** The structure was refused or staff rejected the request; {@code rejectionReason} says why, in French. */
        REJECTED,
        /** Staff closed the mailbox: its address is never given again; nobody can give or take access any more. */
        CLOSED
    }
}
