package fr.esante.medimail.identity.decision.messaging;

import java.util.UUID;

import fr.esante.medimail.events.DirectoryActivity;
import fr.esante.medimail.events.IdentityRejected;
import fr.esante.medimail.events.IdentityVerified;
import fr.esante.medimail.identity.decision.Decision;
import fr.esante.medimail.identity.decision.DecisionLog;
import fr.esante.medimail.identity.decision.DecisionPublisher;
import fr.esante.medimail.identity.directory.PractitionerActivity;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;

/**
 * IdentityVerified or IdentityRejected through the outbox, keyed by account. A MANUAL_REVIEW decision is
 * published as IdentityRejected until the platform has an event for "waiting for a person".
 */
public class OutboxDecisionPublisher implements DecisionPublisher {

    private final Outbox outbox;

    public OutboxDecisionPublisher(Outbox outbox) {
        this.outbox = outbox;
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
                    .build();
            outbox.append(Topics.IDENTITY_VERIFIED, key, event);
            return new DecisionLog.PublishedEvent("IdentityVerified", eventId);
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
