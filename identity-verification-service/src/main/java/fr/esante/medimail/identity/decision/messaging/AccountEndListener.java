package fr.esante.medimail.identity.decision.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.esante.medimail.identity.decision.OneLiveAccountPerIdentifier;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.inbox.EventConsumers;

/**
 * Binds {@code onAccountRejected-in-0} and {@code onMssAddressRefused-in-0}: an account rejected by staff, or
 * for which no address can be derived, is no longer live, so its RPPS/ADELI is free again.
 */
@Configuration(proxyBeanMethods = false)
public class AccountEndListener {

    @Bean
    Consumer<Message<byte[]>> onAccountRejected(EventConsumers consumers, OneLiveAccountPerIdentifier rule) {
        return consumers.consumer(Topics.ACCOUNT_REJECTED,
                event -> rule.accountNoLongerLive(event.getAccountId(), "rejected by staff"));
    }

    @Bean
    Consumer<Message<byte[]>> onMssAddressRefused(EventConsumers consumers, OneLiveAccountPerIdentifier rule) {
        return consumers.consumer(Topics.MSS_ADDRESS_REFUSED,
                event -> rule.accountNoLongerLive(event.getAccountId(), "no MSSante address"));
    }
}
