package fr.esante.medimail.registration.organisation.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.esante.medimail.registration.organisation.OrganisationalMailboxes;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.inbox.EventConsumers;

/**
 * What the other services decided about ORG requests: a refused structure (French detail from
 * identity-verification-service), the proposed address, staff's decision, staff's closure. Bindings in registration-service.yml.
 */
@Configuration(proxyBeanMethods = false)
class OrganisationalMailboxConsumers {

    @Bean
    Consumer<Message<byte[]>> onOrganisationalStructureChecked(EventConsumers consumers, OrganisationalMailboxes mailboxes) {
        return consumers.consumer(Topics.ORGANISATIONAL_STRUCTURE_CHECKED, event -> {
            if (!event.getAccepted()) {
                mailboxes.structureRefused(event.getRequestId(), event.getDetail());
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> onOrganisationalAddressAssigned(EventConsumers consumers, OrganisationalMailboxes mailboxes) {
        return consumers.consumer(Topics.ORGANISATIONAL_ADDRESS_ASSIGNED,
                event -> mailboxes.addressProposed(event.getRequestId(), event.getAddress()));
    }

    @Bean
    Consumer<Message<byte[]>> onOrganisationalMailboxDecided(EventConsumers consumers, OrganisationalMailboxes mailboxes) {
        return consumers.consumer(Topics.ORGANISATIONAL_MAILBOX_DECIDED, event -> mailboxes.decided(event.getRequestId(),
                event.getApproved(), event.getAddress(), event.getReason()));
    }

    @Bean
    Consumer<Message<byte[]>> onOrganisationalMailboxClosed(EventConsumers consumers, OrganisationalMailboxes mailboxes) {
        return consumers.consumer(Topics.ORGANISATIONAL_MAILBOX_CLOSED, event -> mailboxes.closed(event.getRequestId()));
    }
}
