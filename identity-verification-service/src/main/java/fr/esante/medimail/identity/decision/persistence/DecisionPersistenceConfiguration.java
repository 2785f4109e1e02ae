package fr.esante.medimail.identity.decision.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
public class DecisionPersistenceConfiguration {

    @Bean
    JdbcDecisionLog decisionLog(JdbcClient jdbc) {
        // Its own mapper: the stored evidence keeps one shape whatever the web layer's JSON settings become.
        return new JdbcDecisionLog(jdbc, JsonMapper.builder().build());
    }

    @Bean
    JdbcIdentifierClaims identifierClaims(JdbcClient jdbc) {
        return new JdbcIdentifierClaims(jdbc);
    }
}
