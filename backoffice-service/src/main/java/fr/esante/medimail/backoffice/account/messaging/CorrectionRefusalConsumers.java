package fr.esante.medimail.backoffice.account.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.esante.medimail.backoffice.account.CorrectionRefusals;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.inbox.EventConsumers;

/** Staff corrections registration-service refused (binding name matches backoffice-service.yml). */
@Configuration
class CorrectionRefusalConsumers {

    @Bean
    Consumer<Message<byte[]>> onStaffCorrectionRefused(EventConsumers consumers, CorrectionRefusals refusals) {
        return consumers.consumer(Topics.STAFF_CORRECTION_REFUSED, event -> refusals.refused(
                new CorrectionRefusals.Refusal(event.getAccountId(), event.getRequestEventId(), event.getRequestedBy(),
                        event.getKind(), event.getReason(), event.getField(), event.getProblem())));
    }
}
