package fr.esante.medimail.identity.decision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handles one submitted profile: decide, announce, keep the evidence. The announcement goes through the
 * outbox and the evidence to the decision log in the same transaction as the consumer's record of the event,
 * so that a decision is published once and only with its evidence.
 */
public class IdentityVerification {

    private static final Logger log = LoggerFactory.getLogger(IdentityVerification.class);

    private final IdentityVerifier verifier;
    private final DecisionPublisher publisher;
    private final DecisionLog decisions;
    private final OneLiveAccountPerIdentifier oneAccountPerIdentifier;

    public IdentityVerification(IdentityVerifier verifier, DecisionPublisher publisher, DecisionLog decisions,
                                OneLiveAccountPerIdentifier oneAccountPerIdentifier) {
        this.verifier = verifier;
        this.publisher = publisher;
        this.decisions = decisions;
        this.oneAccountPerIdentifier = oneAccountPerIdentifier;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Decision handle(VerificationRequest request) {
        return announce(oneAccountPerIdentifier.apply(verifier.decide(request)));
    }

    /**
     * Staff corrected the names of a validated account: the identity is checked again with the new names, by the same
     * rules and with the same outcomes as a submitted profile (verified, manual review, refused), except that names
     * the directory contradicts go to a manual review (see {@link IdentityVerifier}). Only the claim on the national
     * identifier outlives a refusal, since the account stays validated.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Decision recheck(VerificationRequest request) {
        return announce(oneAccountPerIdentifier.applyToRecheck(verifier.decide(request)));
    }

    private Decision announce(Decision decision) {
        DecisionLog.PublishedEvent event = publisher.publish(decision);
        decisions.record(decision, event);
        // Names stay out of the logs; the decision log keeps them for audit.
        log.info("Identity decision {} for account {}: {} {} (source {}, import {})", decision.id(), decision.accountId(),
                decision.outcome(), decision.reason() == null ? "" : decision.reason(), decision.source(), decision.directoryImportId());
        return decision;
    }
}
