package fr.esante.medimail.identity.decision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.esante.medimail.identity.directory.PractitionerActivity;
import fr.esante.medimail.identity.identifiers.IdentifierCheck;

/**
 * The answer to one submitted profile, with everything needed to explain it later.
 *
 * <p>A MANUAL_REVIEW decision carries the mailbox type, profession, specialties, activities and structure that
 * IdentityVerified will carry if a reviewer confirms the identity.
 *
 * @param reason              stable code when not verified (also for MANUAL_REVIEW: why a person is needed)
 * @param detail              English, for staff and logs
 * @param directoryImportId   the imported directory that answered or was consulted, if any
 * @param liveFailure         why the live directory did not answer, when it was asked and failed
 * @param identifierType      as declared (upper-case when recognised)
 * @param identifier          normalised when well-formed, else as submitted
 * @param specialties         savoir-faire codes the directory knows for the declared profession
 * @param activities          the directory's activities for the declared profession (or the structure's)
 * @param structureIdentifier the structure of a FOREIGN_OR_IN_TRAINING professional
 */
public record Decision(UUID id, UUID eventId, UUID accountId, Instant decidedAt, VerificationRequest request,
                       Outcome outcome, String reason, String detail, DecisionSource source, Long directoryImportId,
                       String liveFailure, String identifierType, String identifier, String mailboxType,
                       String profession, List<String> specialties, List<PractitionerActivity> activities,
                       String structureIdentifier, IdentifierCheck identifierCheck, List<Comparison> comparisons) {

    public Decision {
        specialties = List.copyOf(specialties);
        activities = List.copyOf(activities);
        comparisons = List.copyOf(comparisons);
    }

    /**
     * This decision turned into a refusal for a reason found after the identity itself was checked (e.g. the
     * identifier already belongs to another live account); the comparisons made stay as evidence.
     */
    public Decision refusedAs(String refusalReason, String refusalDetail) {
        return new Decision(id, eventId, accountId, decidedAt, request, Outcome.REJECTED, refusalReason, refusalDetail,
                source, directoryImportId, liveFailure, identifierType, identifier, null, null, List.of(), List.of(), null,
                identifierCheck, comparisons);
    }

    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }
}
