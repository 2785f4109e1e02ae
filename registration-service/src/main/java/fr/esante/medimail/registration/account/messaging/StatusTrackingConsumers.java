package fr.esante.medimail.registration.account.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.esante.medimail.registration.account.MssAddress;
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
        return consumers.consumer(Topics.IDENTITY_REJECTED, event -> tracking.identityRejected(event.getAccountId(),
                event.getReason(), event.getDetail()));
    }

    @Bean
    Consumer<Message<byte[]>> onMssAddressAssigned(EventConsumers consumers, StatusTracking tracking) {
        return consumers.consumer(Topics.MSS_ADDRESS_ASSIGNED, event -> tracking.mssAddressAssigned(event.getAccountId(),
                new MssAddress(event.getAddress(), event.getMailboxType())));
    }

    @Bean
    Consumer<Message<byte[]>> onMssAddressRefused(EventConsumers consumers, StatusTracking tracking) {
        return consumers.consumer(Topics.MSS_ADDRESS_REFUSED, event -> tracking.mssAddressRefused(event.getAccountId(),
                event.getReason()));
    }

    @Bean
    Consumer<Message<byte[]>> onAccountValidated(EventConsumers consumers, StatusTracking tracking) {
        return consumers.consumer(Topics.ACCOUNT_VALIDATED, event -> tracking.accountValidated(event.getAccountId(),
                new MssAddress(event.getMssAddress(), event.getMailboxType())));
    }

    @Bean
    Consumer<Message<byte[]>> onAccountRejected(EventConsumers consumers, StatusTracking tracking) {
        return consumers.consumer(Topics.ACCOUNT_REJECTED, event -> tracking.accountRejected(event.getAccountId(),
                event.getReason()));
    }

    @Bean
    Consumer<Message<byte[]>> onAccountClosed(EventConsumers consumers, StatusTracking tracking) {
        return consumers.consumer(Topics.ACCOUNT_CLOSED, event -> tracking.accountClosed(event.getAccountId()));
    }

    @Bean
    Consumer<Message<byte[]>> onAccountReopened(EventConsumers consumers, StatusTracking tracking) {
        return consumers.consumer(Topics.ACCOUNT_REOPENED, event -> tracking.accountReopened(event.getAccountId()));
    }
}
