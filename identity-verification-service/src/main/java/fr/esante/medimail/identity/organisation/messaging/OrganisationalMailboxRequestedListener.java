package fr.esante.medimail.identity.organisation.messaging;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.esante.medimail.events.OrganisationalMailboxRequested;
import fr.esante.medimail.events.OrganisationalStructureChecked;
import fr.esante.medimail.identity.directory.StructureDirectory;
import fr.esante.medimail.identity.organisation.StructureCheck;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.inbox.EventConsumers;
import fr.esante.medimail.support.outbox.Outbox;

/**
 * Binds {@code onOrganisationalMailboxRequested-in-0}: each ORG request gets one OrganisationalStructureChecked,
 * written to the outbox in the consumer's transaction.
 */
@Configuration(proxyBeanMethods = false)
public class OrganisationalMailboxRequestedListener {

    @Bean
    StructureCheck structureCheck(StructureDirectory directory) {
        return new StructureCheck(directory);
    }

    @Bean
    Consumer<Message<byte[]>> onOrganisationalMailboxRequested(EventConsumers consumers, StructureCheck check, Outbox outbox) {
        return consumers.consumer(Topics.ORGANISATIONAL_MAILBOX_REQUESTED, event -> outbox.append(
                Topics.ORGANISATIONAL_STRUCTURE_CHECKED, event.getAccountId().toString(),
                checked(event, check.check(event.getStructureIdentifierType(), event.getStructureIdentifier()))));
    }

    static OrganisationalStructureChecked checked(OrganisationalMailboxRequested event, StructureCheck.Verdict verdict) {
        return OrganisationalStructureChecked.newBuilder()
                .setEventId(UUID.randomUUID())
                .setAccountId(event.getAccountId())
                .setOccurredAt(Instant.now())
                .setRequestId(event.getRequestId())
                .setLabel(event.getLabel())
                .setStructureIdentifierType(event.getStructureIdentifierType())
                .setStructureIdentifier(verdict.accepted() ? verdict.normalised() : event.getStructureIdentifier())
                .setPurpose(event.getPurpose())
                .setRequesterRegistrationId(event.getRequesterRegistrationId())
                .setRequesterLastName(event.getRequesterLastName())
                .setRequesterFirstName(event.getRequesterFirstName())
                .setRequesterEmail(event.getRequesterEmail())
                .setAccepted(verdict.accepted())
                .setReason(verdict.reason())
                .setDetail(verdict.detail())
                .setStructureName(verdict.structureName())
                .build();
    }
}
