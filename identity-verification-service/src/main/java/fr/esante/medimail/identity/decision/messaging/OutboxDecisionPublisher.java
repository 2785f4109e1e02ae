package fr.esante.medimail.identity.decision.messaging;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;

import fr.esante.medimail.events.DirectoryActivity;
import fr.esante.medimail.events.IdentityRejected;
import fr.esante.medimail.events.IdentityReviewRequested;
import fr.esante.medimail.events.IdentityVerified;
import fr.esante.medimail.identity.decision.Decision;
import fr.esante.medimail.identity.decision.DecisionLog;
import fr.esante.medimail.identity.decision.DecisionPublisher;
import fr.esante.medimail.identity.decision.DecisionSource;
import fr.esante.medimail.identity.decision.EvidenceSummary;
import fr.esante.medimail.identity.decision.Outcome;
import fr.esante.medimail.identity.decision.PendingReview;
import fr.esante.medimail.identity.decision.ReviewConclusion;
import fr.esante.medimail.identity.directory.PractitionerActivity;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;

/**
 * IdentityVerified, IdentityRejected or IdentityReviewRequested through the outbox, keyed by account; after a
 * review, IdentityVerified (source MANUAL_REVIEW) or IdentityRejected (REJECTED_BY_REVIEWER).
 */
public class OutboxDecisionPublisher implements DecisionPublisher {

    /** IdentityVerified.source of an identity a reviewer confirmed. */
    public static final String MANUAL_REVIEW_SOURCE = "MANUAL_REVIEW";
    /**
     * IdentityRejected.reason of an identity a reviewer refused; its detail is then the reviewer's French text,
     * or empty when the reviewer gave none.
     */
    public static final String REJECTED_BY_REVIEWER = "REJECTED_BY_REVIEWER";

    private final Outbox outbox;
    private final LongFunction<Optional<Instant>> importFinishedAt;

    /**
     * @param importFinishedAt when a directory import finished, by import id: a reviewer weighs an imported
     *                         directory's answer by its age, so IdentityVerified carries it
     */
    public OutboxDecisionPublisher(Outbox outbox, LongFunction<Optional<Instant>> importFinishedAt) {
        this.outbox = outbox;
        this.importFinishedAt = importFinishedAt;
    }

    @Override
    public DecisionLog.PublishedEvent publish(Decision decision) {
        UUID eventId = UUID.randomUUID();
        String key = decision.accountId().toString();
        if (decision.verified()) {
            IdentityVerified event = IdentityVerified.newBuilder()
                    .setEventId(eventId)
                    .setAccountId(decision.accountId())
                    .setOccurredAt(decision.decidedAt())
                    .setLastName(decision.request().lastName())
                    .setFirstName(decision.request().firstName())
                    .setProfession(decision.profession() == null ? "" : decision.profession())
                    .setSpecialties(decision.specialties())
                    .setIdentifierType(decision.identifierType())
                    .setIdentifier(decision.identifier())
                    .setMailboxType(decision.mailboxType())
                    .setStructureIdentifier(decision.structureIdentifier())
                    .setSource(decision.source().name())
                    .setActivities(decision.activities().stream().map(OutboxDecisionPublisher::activity).toList())
                    .setDirectoryImportedAt(directoryImportedAt(decision))
                    .build();
            outbox.append(Topics.IDENTITY_VERIFIED, key, event);
            return new DecisionLog.PublishedEvent("IdentityVerified", eventId);
        }
        if (decision.outcome() == Outcome.MANUAL_REVIEW) {
            outbox.append(Topics.IDENTITY_REVIEW_REQUESTED, key, reviewRequested(eventId, decision));
            return new DecisionLog.PublishedEvent("IdentityReviewRequested", eventId);
        }
        IdentityRejected event = IdentityRejected.newBuilder()
                .setEventId(eventId)
                .setAccountId(decision.accountId())
                .setOccurredAt(decision.decidedAt())
                .setReason(decision.reason())
                .setDetail(decision.detail())
                .build();
        outbox.append(Topics.IDENTITY_REJECTED, key, event);
        return new DecisionLog.PublishedEvent("IdentityRejected", eventId);
    }

    @Override
    public DecisionLog.PublishedEvent publishConfirmed(PendingReview review, ReviewConclusion conclusion) {
        UUID eventId = UUID.randomUUID();
        IdentityVerified event = IdentityVerified.newBuilder()
                .setEventId(eventId)
                .setAccountId(review.accountId())
                .setOccurredAt(conclusion.concludedAt())
                .setLastName(review.lastName())
                .setFirstName(review.firstName())
                .setProfession(review.profession() == null ? "" : review.profession())
                .setSpecialties(review.specialties())
                .setIdentifierType(review.identifierType())
                .setIdentifier(review.identifier())
                .setMailboxType(review.mailboxType())
                .setStructureIdentifier(review.structureIdentifier())
                .setSource(MANUAL_REVIEW_SOURCE)
                .setActivities(review.activities().stream().map(OutboxDecisionPublisher::activity).toList())
                .build();
        outbox.append(Topics.IDENTITY_VERIFIED, review.accountId().toString(), event);
        return new DecisionLog.PublishedEvent("IdentityVerified", eventId);
    }

    @Override
    public DecisionLog.PublishedEvent publishRefused(PendingReview review, ReviewConclusion conclusion) {
        UUID eventId = UUID.randomUUID();
        // The detail is English by contract, except for this code: the reviewer's own words are what the
        // applicant needs to correct their profile, and registration-service shows them. Without words, the
        // detail stays empty (registration-service then shows its own French message): never English text nor
        // the reviewer's login, which only the audit (identity_review.concluded_by) keeps.
        String detail = refusalDetail(conclusion);
        IdentityRejected event = IdentityRejected.newBuilder()
                .setEventId(eventId)
                .setAccountId(review.accountId())
                .setOccurredAt(conclusion.concludedAt())
                .setReason(REJECTED_BY_REVIEWER)
                .setDetail(detail)
                .build();
        outbox.append(Topics.IDENTITY_REJECTED, review.accountId().toString(), event);
        return new DecisionLog.PublishedEvent("IdentityRejected", eventId);
    }

    private Instant directoryImportedAt(Decision decision) {
        if (decision.source() != DecisionSource.IMPORTED_DIRECTORY || decision.directoryImportId() == null) {
            return null;
        }
        return importFinishedAt.apply(decision.directoryImportId()).orElse(null);
    }

    /** What the applicant is shown: the reviewer's French text, or nothing. */
    static String refusalDetail(ReviewConclusion conclusion) {
        return conclusion.reason() == null || conclusion.reason().isBlank() ? "" : conclusion.reason().strip();
    }

    private static IdentityReviewRequested reviewRequested(UUID eventId, Decision decision) {
        return IdentityReviewRequested.newBuilder()
                .setEventId(eventId)
                .setAccountId(decision.accountId())
                .setOccurredAt(decision.decidedAt())
                .setDecisionId(decision.id())
                .setReason(decision.reason())
                .setDetail(decision.detail())
                .setPath(nonNull(decision.request().path()))
                .setDeclaredLastName(nonNull(decision.request().lastName()))
                .setDeclaredFirstName(nonNull(decision.request().firstName()))
                .setDirectoryLastName(EvidenceSummary.directoryValue(decision, "lastName"))
                .setDirectoryFirstName(EvidenceSummary.directoryValue(decision, "firstName"))
                .setIdentifierType(nonNull(decision.identifierType()))
                .setIdentifier(nonNull(decision.identifier()))
                .setProfession(decision.request().profession())
                .setSource(decision.source().name())
                .setDirectoryImportId(decision.directoryImportId())
                .setLiveFailure(decision.liveFailure())
                .setEvidence(EvidenceSummary.of(decision))
                .build();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static DirectoryActivity activity(PractitionerActivity activity) {
        return DirectoryActivity.newBuilder()
                .setStructureName(activity.structureName())
                .setSiret(activity.siret())
                .setFiness(activity.finessSite() != null ? activity.finessSite() : activity.finessLegal())
                .setPostalCode(activity.postalCode())
                .setCity(activity.city())
                .setPracticeMode(activity.practiceModeCode())
                .build();
    }
}
