package fr.esante.medimail.mssaddress.organisation;

import java.util.UUID;

/** An ORG request whose structure identity-verification-service accepted, with what the events carry forward. */
public record OrganisationalAddressRequest(UUID requestId, UUID requesterAccountId, String label,
        String structureIdentifierType, String structureIdentifier) {
}
