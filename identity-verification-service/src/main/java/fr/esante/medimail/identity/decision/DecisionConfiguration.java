package fr.esante.medimail.identity.decision;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.esante.medimail.identity.directory.DirectoryConsultation;
import fr.esante.medimail.identity.directory.StructureDirectory;

@Configuration(proxyBeanMethods = false)
public class DecisionConfiguration {

    @Bean
    IdentityVerifier identityVerifier(DirectoryConsultation consultation, StructureDirectory structures, Clock clock) {
        return new IdentityVerifier(consultation, structures, clock);
    }

    @Bean
    IdentityVerification identityVerification(IdentityVerifier verifier, DecisionPublisher publisher, DecisionLog decisions,
                                              OneLiveAccountPerIdentifier oneAccountPerIdentifier) {
        return new IdentityVerification(verifier, publisher, decisions, oneAccountPerIdentifier);
    }

    @Bean
    ManualReview manualReview(DecisionLog decisions, DecisionPublisher publisher,
                              OneLiveAccountPerIdentifier oneAccountPerIdentifier) {
        return new ManualReview(decisions, publisher, oneAccountPerIdentifier);
    }

    @Bean
    OneLiveAccountPerIdentifier oneLiveAccountPerIdentifier(IdentifierClaims claims) {
        return new OneLiveAccountPerIdentifier(claims);
    }
}
