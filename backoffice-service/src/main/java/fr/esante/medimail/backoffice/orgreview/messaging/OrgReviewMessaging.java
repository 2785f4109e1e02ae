package fr.esante.medimail.backoffice.orgreview.messaging;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.esante.medimail.backoffice.orgreview.OrgDirectory;
import fr.esante.medimail.backoffice.orgreview.OrgReview;
import fr.esante.medimail.backoffice.orgreview.OrgReviewDesk;
import fr.esante.medimail.backoffice.orgreview.OrgReviewPublisher;
import fr.esante.medimail.events.DirectoryEntry;
import fr.esante.medimail.events.OrganisationalAddressAssigned;
import fr.esante.medimail.events.OrganisationalMailboxClosed;
import fr.esante.medimail.events.OrganisationalMailboxDecided;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.inbox.EventConsumers;
import fr.esante.medimail.support.outbox.Outbox;

/**
 * Binds {@code onOrganisationalAddressAssigned-in-0}: an ORG request whose structure was accepted and whose address is
 * reserved enters the queue; decisions leave as OrganisationalMailboxDecided, closures as OrganisationalMailboxClosed,
 * through the outbox.
 */
@Configuration(proxyBeanMethods = false)
class OrgReviewMessaging {

    @Bean
    Consumer<Message<byte[]>> onOrganisationalAddressAssigned(EventConsumers consumers, OrgReviewDesk desk) {
        return consumers.consumer(Topics.ORGANISATIONAL_ADDRESS_ASSIGNED, event -> desk.open(review(event)));
    }

    @Bean
    OrgReviewPublisher orgReviewPublisher(Outbox outbox) {
        return new OrgReviewPublisher() {
            @Override
            public void decided(OrgReview review) {
                outbox.append(Topics.ORGANISATIONAL_MAILBOX_DECIDED, review.requesterAccountId().toString(),
                        OrganisationalMailboxDecided.newBuilder()
                                .setEventId(UUID.randomUUID()).setAccountId(review.requesterAccountId())
                                .setOccurredAt(review.decidedAt()).setRequestId(review.requestId())
                                .setApproved("APPROVED".equals(review.status())).setAddress(review.mssAddress())
                                .setLabel(review.label()).setRequesterEmail(review.requesterEmail())
                                .setRequesterLastName(review.requesterLastName())
                                .setRequesterFirstName(review.requesterFirstName())
                                .setReason(review.rejectionReason())
                                .build());
            }

            @Override
            public void closed(OrgReview review) {
                outbox.append(Topics.ORGANISATIONAL_MAILBOX_CLOSED, review.requesterAccountId().toString(),
                        OrganisationalMailboxClosed.newBuilder()
                                .setEventId(UUID.randomUUID()).setAccountId(review.requesterAccountId())
                                .setOccurredAt(review.decidedAt()).setRequestId(review.requestId())
                                .setAddress(review.mssAddress()).setLabel(review.label())
                                .setRequesterEmail(review.requesterEmail())
                                .setRequesterLastName(review.requesterLastName())
                                .setRequesterFirstName(review.requesterFirstName())
                                .build());
            }
        };
    }

    @Bean
    OrgDirectory orgDirectory(Outbox outbox) {
        return new OrgDirectory() {
            @Override
            public void publish(OrgReview approved) {
                outbox.append(Topics.DIRECTORY_ENTRIES, approved.mssAddress(), entry(approved));
            }

            @Override
            public void withdraw(String mssAddress) {
                outbox.appendTombstone(Topics.DIRECTORY_ENTRIES, mssAddress);
            }
        };
    }

    /**
     * The directory entry of an approved ORG mailbox: type ORG, the owner's account, the structure's identifier, the
     * structure's name (when the directory knew it) as organisation and the label as service; no holder names.
     */
    public static DirectoryEntry entry(OrgReview r) {
        return DirectoryEntry.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(r.requesterAccountId()).setOccurredAt(r.decidedAt())
                .setMssAddress(r.mssAddress()).setMailboxType(OrgReview.KIND)
                .setIdentifierType(r.structureIdentifierType()).setIdentifier(r.structureIdentifier())
                .setStructureIdentifier(r.structureIdentifier()).setOrganisationName(r.structureName())
                .setServiceName(r.label()).setLiberal(false).setPaperless(true).setValidatedAt(r.decidedAt())
                .build();
    }

    static OrgReview review(OrganisationalAddressAssigned e) {
        return new OrgReview(UUID.randomUUID(), e.getRequestId(), e.getAccountId(), e.getRequesterRegistrationId(),
                e.getRequesterLastName(), e.getRequesterFirstName(), e.getRequesterEmail(), e.getLabel(),
                e.getStructureIdentifierType(), e.getStructureIdentifier(), e.getStructureName(), e.getPurpose(),
                e.getAddress(), "PENDING", e.getOccurredAt() == null ? Instant.now() : e.getOccurredAt(), null, null, null);
    }
}
