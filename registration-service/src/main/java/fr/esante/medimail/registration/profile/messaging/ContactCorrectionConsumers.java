package fr.esante.medimail.registration.profile.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.esante.medimail.events.ContactCorrectionRequested;
import fr.esante.medimail.registration.account.PostalAddress;
import fr.esante.medimail.registration.profile.ContactChange;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.inbox.EventConsumers;

/** Staff corrections of contact details from the back office (binding name matches registration-service.yml). */
@Configuration
class ContactCorrectionConsumers {

    @Bean
    Consumer<Message<byte[]>> onContactCorrectionRequested(EventConsumers consumers, ContactChange change) {
        return consumers.consumer(Topics.CONTACT_CORRECTION_REQUESTED,
                event -> change.correctByStaff(event.getEventId(), event.getAccountId(), patch(event), event.getCorrectedBy()));
    }

    static ContactChange.ContactPatch patch(ContactCorrectionRequested event) {
        PostalAddress address = event.getAddressLine() == null ? null : new PostalAddress(event.getAddressLine(),
                event.getPostalCode(), event.getCity(), event.getRegion(), event.getDepartment());
        return new ContactChange.ContactPatch(event.getPhone(), event.getSecondPhone(), event.getRemoveSecondPhone(),
                address, null, null);
    }
}
