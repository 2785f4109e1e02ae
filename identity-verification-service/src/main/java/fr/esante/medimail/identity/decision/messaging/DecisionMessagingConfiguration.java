package fr.esante.medimail.identity.decision.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.esante.medimail.support.outbox.Outbox;

@Configuration(proxyBeanMethods = false)
public class DecisionMessagingConfiguration {

    @Bean
    OutboxDecisionPublisher decisionPublisher(Outbox outbox) {
        return new OutboxDecisionPublisher(outbox);
    }
}
