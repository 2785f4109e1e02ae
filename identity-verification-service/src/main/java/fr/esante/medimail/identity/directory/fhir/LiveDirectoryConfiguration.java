package fr.esante.medimail.identity.directory.fhir;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ca.uhn.fhir.context.FhirContext;
import fr.esante.medimail.identity.directory.DirectoryConfiguration;

/** The live directory exists only once both its URL and an API key are configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${medimail.directory.live.base-url:}'.isBlank() and !'${medimail.directory.live.api-key:}'.isBlank()")
public class LiveDirectoryConfiguration {

    @Bean(name = DirectoryConfiguration.LIVE, destroyMethod = "close")
    FhirLiveDirectory liveDirectory(LiveDirectorySettings settings) {
        // A FhirContext is costly to build (it scans the R4 model): one for the service's lifetime.
        return new FhirLiveDirectory(FhirContext.forR4(), settings);
    }
}
