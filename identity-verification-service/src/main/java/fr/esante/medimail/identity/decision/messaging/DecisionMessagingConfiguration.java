package fr.esante.medimail.identity.decision.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.esante.medimail.identity.directory.DirectoryStore;
import fr.esante.medimail.identity.directory.ImportSummary;
import fr.esante.medimail.support.outbox.Outbox;

@Configuration(proxyBeanMethods = false)
public class DecisionMessagingConfiguration {

    @Bean
    OutboxDecisionPublisher decisionPublisher(Outbox outbox, DirectoryStore directories) {
        return new OutboxDecisionPublisher(outbox, importId -> directories.find(importId).map(ImportSummary::finishedAt));
    }
}
