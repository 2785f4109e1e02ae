package fr.esante.medimail.identity.decision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import fr.esante.medimail.identity.directory.PractitionerActivity;

/**
 * A MANUAL_REVIEW decision waiting for a person, with what IdentityVerified will carry if the identity is
 * confirmed. Kept apart from the decision's evidence so that a confirmation does not depend on the evidence's
 * shape, nor ask the directory again (it may be the very thing that could not answer).
 *
 * @param namesCorrectedByStaff the review re-checks a validated account after staff corrected its names: refusing it
 *                              leaves the account validated, so its claim on the identifier must outlive the refusal
 */
public record PendingReview(UUID decisionId, UUID accountId, Instant requestedAt, String reason, String lastName,
                            String firstName, String profession, List<String> specialties, String identifierType,
                            String identifier, String mailboxType, String structureIdentifier,
                            List<PractitionerActivity> activities, boolean namesCorrectedByStaff) {

    public PendingReview {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(accountId, "accountId");
        specialties = specialties == null ? List.of() : List.copyOf(specialties);
        activities = activities == null ? List.of() : List.copyOf(activities);
    }

    public static PendingReview of(Decision decision) {
        if (decision.outcome() != Outcome.MANUAL_REVIEW) {
            throw new IllegalArgumentException("Decision " + decision.id() + " is " + decision.outcome() + ", not MANUAL_REVIEW");
        }
        return new PendingReview(decision.id(), decision.accountId(), decision.decidedAt(), decision.reason(),
                decision.request().lastName(), decision.request().firstName(), decision.profession(),
                decision.specialties(), decision.identifierType(), decision.identifier(), decision.mailboxType(),
                decision.structureIdentifier(), decision.activities(), decision.request().namesCorrectedByStaff());
    }
}
