package fr.esante.medimail.backoffice.identityreview.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.esante.medimail.backoffice.identityreview.IdentityReviewDesk;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewRequest;
import fr.esante.medimail.events.IdentityReviewRequested;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.inbox.EventConsumers;

/** Binds {@code onIdentityReviewRequested-in-0} (backoffice-service.yml): each request opens an identity review. */
@Configuration
class IdentityReviewConsumers {

    @Bean
    Consumer<Message<byte[]>> onIdentityReviewRequested(EventConsumers consumers, IdentityReviewDesk desk) {
        return consumers.consumer(Topics.IDENTITY_REVIEW_REQUESTED, event -> desk.requested(request(event)));
    }

    static IdentityReviewRequest request(IdentityReviewRequested event) {
        return new IdentityReviewRequest(event.getDecisionId(), event.getAccountId(), event.getOccurredAt(),
                event.getReason(), event.getDetail(), event.getPath(), event.getDeclaredLastName(),
                event.getDeclaredFirstName(), event.getDirectoryLastName(), event.getDirectoryFirstName(),
                event.getIdentifierType(), event.getIdentifier(), event.getProfession(), event.getSource(),
                event.getDirectoryImportId(), event.getLiveFailure(), event.getEvidence());
    }
}
