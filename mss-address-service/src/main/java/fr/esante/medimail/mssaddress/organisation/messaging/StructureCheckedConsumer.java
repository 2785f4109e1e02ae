package fr.esante.medimail.mssaddress.organisation.messaging;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.esante.medimail.events.OrganisationalAddressAssigned;
import fr.esante.medimail.events.OrganisationalStructureChecked;
import fr.esante.medimail.mssaddress.derivation.MssAddress;
import fr.esante.medimail.mssaddress.derivation.config.MssAddressProperties;
import fr.esante.medimail.mssaddress.organisation.IssuedOrganisationalAddresses;
import fr.esante.medimail.mssaddress.organisation.OrganisationalAddressAssignment;
import fr.esante.medimail.mssaddress.organisation.OrganisationalAddressForm;
import fr.esante.medimail.mssaddress.organisation.OrganisationalAddressRequest;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.inbox.EventConsumers;
import fr.esante.medimail.support.outbox.Outbox;

/**
 * Binds {@code onOrganisationalStructureChecked-in-0}: an accepted structure gets its ORG address, announced by
 * OrganisationalAddressAssigned in the same transaction (EventConsumers runs the handler in one); a refused one is
 * none of this service's business.
 */
@Configuration(proxyBeanMethods = false)
class StructureCheckedConsumer {

    @Bean
    OrganisationalAddressAssignment organisationalAddressAssignment(MssAddressProperties properties,
            IssuedOrganisationalAddresses issued) {
        return new OrganisationalAddressAssignment(new OrganisationalAddressForm(properties.region()), issued);
    }

    @Bean
    Consumer<Message<byte[]>> onOrganisationalStructureChecked(EventConsumers consumers,
            OrganisationalAddressAssignment assignment, Outbox outbox) {
        return consumers.consumer(Topics.ORGANISATIONAL_STRUCTURE_CHECKED, event -> {
            if (!event.getAccepted()) {
                return;
            }
            MssAddress address = assignment.assign(new OrganisationalAddressRequest(event.getRequestId(),
                    event.getAccountId(), event.getLabel(), event.getStructureIdentifierType(), event.getStructureIdentifier()));
            outbox.append(Topics.ORGANISATIONAL_ADDRESS_ASSIGNED, event.getAccountId().toString(), assigned(event, address));
        });
    }

    static OrganisationalAddressAssigned assigned(OrganisationalStructureChecked event, MssAddress address) {
        return OrganisationalAddressAssigned.newBuilder()
                .setEventId(UUID.randomUUID())
                .setAccountId(event.getAccountId())
                .setOccurredAt(Instant.now())
                .setRequestId(event.getRequestId())
                .setLabel(event.getLabel())
                .setStructureIdentifierType(event.getStructureIdentifierType())
                .setStructureIdentifier(event.getStructureIdentifier())
                .setPurpose(event.getPurpose())
                .setRequesterRegistrationId(event.getRequesterRegistrationId())
                .setRequesterLastName(event.getRequesterLastName())
                .setRequesterFirstName(event.getRequesterFirstName())
                .setRequesterEmail(event.getRequesterEmail())
                .setStructureName(event.getStructureName())
                .setAddress(address.address())
                .build();
    }
}
