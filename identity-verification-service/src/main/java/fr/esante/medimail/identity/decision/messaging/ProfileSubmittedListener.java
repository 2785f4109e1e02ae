package fr.esante.medimail.identity.decision.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.identity.decision.IdentityVerification;
import fr.esante.medimail.identity.decision.VerificationRequest;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.inbox.EventConsumers;

/** Binds {@code onProfessionalProfileSubmitted-in-0}: each submitted profile gets one identity decision. */
@Configuration(proxyBeanMethods = false)
public class ProfileSubmittedListener {

    @Bean
    Consumer<Message<byte[]>> onProfessionalProfileSubmitted(EventConsumers consumers, IdentityVerification verification) {
        return consumers.consumer(Topics.PROFESSIONAL_PROFILE_SUBMITTED, event -> verification.handle(toRequest(event)));
    }

    public static VerificationRequest toRequest(ProfessionalProfileSubmitted event) {
        return new VerificationRequest(event.getEventId(), event.getAccountId(), event.getOccurredAt(), event.getLastName(),
                event.getFirstName(), event.getPath(), event.getIdentifierType(), event.getIdentifier(), event.getProfession(),
                event.getSpecialty(), event.getLiberal(), event.getOrganisationName(), event.getIdentityVouchedBy());
    }
}
