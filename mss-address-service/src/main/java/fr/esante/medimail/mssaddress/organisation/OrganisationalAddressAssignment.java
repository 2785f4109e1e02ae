package fr.esante.medimail.mssaddress.organisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.esante.medimail.mssaddress.derivation.MssAddress;

/**
 * Reserves the address of an ORG request for good: the first free rank of its label on its structure's domain.
 * A request delivered again gets the address it already holds. The caller runs it in the transaction that
 * also records the outgoing event.
 */
public class OrganisationalAddressAssignment {

    private static final Logger log = LoggerFactory.getLogger(OrganisationalAddressAssignment.class);
    static final int MAX_ATTEMPTS = 1_000;

    private final OrganisationalAddressForm form;
    private final IssuedOrganisationalAddresses issued;

    public OrganisationalAddressAssignment(OrganisationalAddressForm form, IssuedOrganisationalAddresses issued) {
        this.form = form;
        this.issued = issued;
    }

    public MssAddress assign(OrganisationalAddressRequest request) {
        var held = issued.findByRequest(request.requestId());
        if (held.isPresent()) {
            return held.get();
        }
        String nameKey = form.stem(request.label());
        String domain = form.domain(request.structureIdentifierType(), request.structureIdentifier());
        int rank = issued.highestRank(domain, nameKey) + 1;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            MssAddress candidate = form.address(request.label(), request.structureIdentifierType(),
                    request.structureIdentifier(), rank);
            if (issued.issueIfFree(request.requestId(), request.requesterAccountId(), candidate, nameKey, rank)) {
                log.info("ORG address {} issued to request {}", candidate, request.requestId());
                return candidate;
            }
            var now = issued.findByRequest(request.requestId());
            if (now.isPresent()) {
                return now.get();
            }
            rank = Math.max(rank + 1, issued.highestRank(domain, nameKey) + 1);
        }
        throw new IllegalStateException("No free ORG address for request " + request.requestId());
    }
}
