package fr.esante.medimail.identity.decision.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.esante.medimail.events.NamesCorrected;
import fr.esante.medimail.identity.decision.IdentityVerification;
import fr.esante.medimail.identity.decision.VerificationRequest;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.inbox.EventConsumers;

/**
 * Binds {@code onNamesCorrected-in-0}: staff corrected a validated account's names, so its identity is checked again
 * with them, and announced as for a submitted profile (IdentityVerified, IdentityReviewRequested or IdentityRejected),
 * except that names the directory contradicts ask for a review.
 */
@Configuration(proxyBeanMethods = false)
public class NamesCorrectedListener {

    @Bean
    Consumer<Message<byte[]>> onNamesCorrected(EventConsumers consumers, IdentityVerification verification) {
        return consumers.consumer(Topics.NAMES_CORRECTED, event -> verification.recheck(toRequest(event)));
    }

    /**
     * Staff typed the names: nothing vouches for them but the directory, as for a profile the holder typed; marked as
     * staff's correction so that a clear mismatch reaches a reviewer rather than a refusal nobody acts on.
     */
    static VerificationRequest toRequest(NamesCorrected event) {
        return new VerificationRequest(event.getEventId(), event.getAccountId(), event.getOccurredAt(), event.getLastName(),
                event.getFirstName(), event.getPath(), event.getIdentifierType(), event.getIdentifier(), event.getProfession(),
                event.getSpecialty(), event.getLiberal(), event.getOrganisationName()).withNamesCorrectedByStaff();
    }
}
