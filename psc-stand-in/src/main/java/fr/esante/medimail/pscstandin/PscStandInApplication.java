package fr.esante.medimail.pscstandin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A loopback OpenID provider shaped like Pro Santé Connect (PSC): same scopes ({@code openid scope_all}), same claims
 * ({@code SubjectNameID}, {@code SubjectRefPro}, {@code given_name}, {@code family_name}, {@code acr=eidas1}), for the
 * fictional people of test-identities.md. For the local stack and the tests only: anyone may be anyone here.
 */
@SpringBootApplication
@EnableConfigurationProperties(StandInProperties.class)
public class PscStandInApplication {

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(PscStandInApplication.class);
        application.setAdditionalProfiles();
        application.setDefaultProperties(java.util.Map.of("spring.config.name", "psc-stand-in"));
        return application;
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
