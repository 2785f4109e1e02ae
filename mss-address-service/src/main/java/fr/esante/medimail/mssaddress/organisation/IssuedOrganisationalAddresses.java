package fr.esante.medimail.mssaddress.organisation;

import java.util.Optional;
import java.util.UUID;

import fr.esante.medimail.mssaddress.derivation.MssAddress;

/** The register of ORG addresses ever issued: one per request, never deleted, never given twice. */
public interface IssuedOrganisationalAddresses {

    Optional<MssAddress> findByRequest(UUID requestId);

    /** Records the address unless the request already holds one or the address is taken; true when recorded. */
    boolean issueIfFree(UUID requestId, UUID ownerAccountId, MssAddress address, String nameKey, int rank);

    /** The highest rank issued for {@code nameKey} on {@code domain}; 0 when none. */
    int highestRank(String domain, String nameKey);
}
