package fr.esante.medimail.registration.account.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.esante.medimail.registration.account.StatusTracking;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.inbox.EventConsumers;

/**
 * Binds each event that changes what the holder sees to its handler (binding names match
 * registration-service.yml). IdentityVerified is not consumed: the account stays IDENTITY_CHECK_PENDING
 * until an address is assigned or refused.
 */
@Configuration
class StatusTrackingConsumers {

    @Bean
    Consumer<Message<byte[]>> onIdentityRejected(EventConsumers consumers, StatusTracking tracking) {
        return consumers.consumer(Topics.IDENTITY_REJECTED, tracking::identityRejected);
    }

    @Bean
    Consumer<Message<byte[]>> onMssAddressAssigned(EventConsumers consumers, StatusTracking tracking) {
        return consumers.consumer(Topics.MSS_ADDRESS_ASSIGNED, tracking::mssAddressAssigned);
    }

    @Bean
    Consumer<Message<byte[]>> onMssAddressRefused(EventConsumers consumers, StatusTracking tracking) {
        return consumers.consumer(Topics.MSS_ADDRESS_REFUSED, tracking::mssAddressRefused);
    }

    @Bean
    Consumer<Message<byte[]>> onAccountValidated(EventConsumers consumers, StatusTracking tracking) {
        return consumers.consumer(Topics.ACCOUNT_VALIDATED, tracking::accountValidated);
    }

    @Bean
    Consumer<Message<byte[]>> onAccountRejected(EventConsumers consumers, StatusTracking tracking) {
        return consumers.consumer(Topics.ACCOUNT_REJECTED, tracking::accountRejected);
    }

    @Bean
    Consumer<Message<byte[]>> onAccountClosed(EventConsumers consumers, StatusTracking tracking) {
        return consumers.consumer(Topics.ACCOUNT_CLOSED, tracking::accountClosed);
    }

    @Bean
    Consumer<Message<byte[]>> onAccountReopened(EventConsumers consumers, StatusTracking tracking) {
        return consumers.consumer(Topics.ACCOUNT_REOPENED, tracking::accountReopened);
    }
}
