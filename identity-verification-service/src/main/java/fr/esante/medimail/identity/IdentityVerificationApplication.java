package fr.esante.medimail.identity;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * identity-verification-service: identifier syntax and keys, the national directory (imported file and live
 * FHIR API), and the identity decision on every submitted professional profile.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityVerificationApplication {

    public static final String NAME = "identity-verification-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication app = new SpringApplication(IdentityVerificationApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", NAME));
        return app;
    }
}
