package fr.esante.medimail.backoffice.orgreview;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisational (ORG) mailbox request waiting for staff, or decided: who asked (the requester's registration id,
 * names, e-mail), for which structure, the proposed address. {@code status}: PENDING, APPROVED, REJECTED, CLOSED
 * (approved, then closed by staff: its address is never given again and leaves the directory).
 */
public record OrgReview(UUID id, UUID requestId, UUID requesterAccountId, String requesterRegistrationId,
                        String requesterLastName, String requesterFirstName, String requesterEmail, String label,
                        String structureIdentifierType, String structureIdentifier, String structureName, String purpose,
                        String mssAddress, String status, Instant submittedAt, Instant decidedAt, String decidedBy,
                        String rejectionReason) {

    public static final String KIND = "ORG";

    public boolean pending() {
        return "PENDING".equals(status);
    }
}
