package fr.esante.medimail.identity.decision;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One live Medimail account per RPPS or ADELI. An identity that would be verified (or sent to a reviewer) for a
 * national identifier that another live account already holds is refused with
 * {@value #IDENTIFIER_ALREADY_REGISTERED}; registration-service explains in French how to get back into the
 * existing account, without naming it.
 *
 * <p>"Live" means: from the profile submission whose identity was accepted (or sent to a reviewer) until that
 * account's identity is refused by a reviewer, its address refused, its account rejected by staff, or the
 * account submits another profile (which replaces its declaration). A refused or rejected account's identifier
 * is thus free again for whoever really holds it.
 */
public class OneLiveAccountPerIdentifier {

    public static final String IDENTIFIER_ALREADY_REGISTERED = "IDENTIFIER_ALREADY_REGISTERED";
    private static final Logger log = LoggerFactory.getLogger(OneLiveAccountPerIdentifier.class);
    private static final Set<String> NATIONAL_IDENTIFIERS = Set.of("RPPS", "ADELI");

    private final IdentifierClaims claims;

    public OneLiveAccountPerIdentifier(IdentifierClaims claims) {
        this.claims = claims;
    }

    /**
     * The decision to publish for this submission: unchanged when it is a refusal, concerns no national identifier
     * or the account could claim its identifier; else refused as {@value #IDENTIFIER_ALREADY_REGISTERED}.
     * Whatever the outcome, the account's earlier claim is released first: this submission replaces it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Decision apply(Decision decision) {
        claims.release(decision.accountId());
        if (decision.outcome() == Outcome.REJECTED || !NATIONAL_IDENTIFIERS.contains(decision.identifierType())) {
            return decision;
        }
        if (claims.claim(decision.identifierType(), decision.identifier(), decision.accountId(), decision.decidedAt())) {
            return decision;
        }
        log.info("Account {}: {} already held by another live account, identity refused", decision.accountId(),
                decision.identifierType());
        return decision.refusedAs(IDENTIFIER_ALREADY_REGISTERED, decision.identifierType() + " " + decision.identifier()
                + " already belongs to another live Medimail account");
    }

    /**
     * As {@link #apply}, for the new check of a validated account whose names staff corrected: a refusal keeps the
     * account's claim, since the account stays validated (and live) whatever the new check says.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Decision applyToRecheck(Decision decision) {
        return decision.outcome() == Outcome.REJECTED ? decision : apply(decision);
    }

    /** The account's identity was refused or the account rejected: its identifier is free again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void accountNoLongerLive(java.util.UUID accountId, String why) {
        claims.release(accountId);
        log.info("Account {} no longer live ({}): its national identifier, if any, is free again", accountId, why);
    }
}
