package fr.esante.medimail.backoffice.promise;

import java.time.Instant;
import java.util.UUID;

/**
 * An item of the staff queue still waiting for a decision: an account review ({@code ACCOUNT}, waiting since the
 * profile submission), an identity review ({@code IDENTITY}, since the request) or an organisational mailbox request
 * ({@code ORG}, since its address was reserved; names and e-mail are the requester's, the identifier the structure's),
 * with what the desk needs to find it.
 */
public record WaitingItem(String kind, UUID id, UUID accountId, Instant waitingSince, String lastName, String firstName,
                          String email, String identifierType, String identifier) {
}
