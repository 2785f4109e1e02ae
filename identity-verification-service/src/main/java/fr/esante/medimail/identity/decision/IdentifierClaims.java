package fr.esante.medimail.identity.decision;

import java.time.Instant;
import java.util.UUID;

/**
 * Which live account holds each national identifier (RPPS, ADELI): at most one, guaranteed by the database
 * (port). Runs in the caller's transaction.
 */
public interface IdentifierClaims {

    /**
     * Gives the identifier to the account unless another account holds it. Concurrent claims of one identifier
     * are settled by the store: exactly one wins, the others see it taken once the winner commits.
     *
     * @return true when the account holds the identifier now
     */
    boolean claim(String identifierType, String identifier, UUID accountId, Instant at);

    /** The account no longer holds any identifier (its declaration was replaced, refused or rejected). */
    void release(UUID accountId);
}
