package fr.esante.medimail.registration.profile.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.esante.medimail.registration.profile.NameCorrectionByStaff;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.inbox.EventConsumers;

/** Staff corrections of names from the back office (binding name matches registration-service.yml). */
@Configuration
class NameCorrectionConsumers {

    @Bean
    Consumer<Message<byte[]>> onNameCorrectionRequested(EventConsumers consumers, NameCorrectionByStaff correction) {
        return consumers.consumer(Topics.NAME_CORRECTION_REQUESTED, event -> correction.correct(event.getEventId(), event.getAccountId(),
                new NameCorrectionByStaff.Names(event.getLastName(), event.getFirstName()), event.getCorrectedBy()));
    }
}
