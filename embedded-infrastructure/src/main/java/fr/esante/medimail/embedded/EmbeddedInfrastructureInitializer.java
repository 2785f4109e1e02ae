package fr.esante.medimail.embedded;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * For a service's Spring tests: {@code @ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)}
 * points the service at the JVM's shared embedded infrastructure, in a database named after
 * {@code spring.application.name}.
 */
public class EmbeddedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = context.getEnvironment().getProperty("spring.application.name", "application");
        String database = name.replaceAll("[^a-zA-Z0-9_]", "_");
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("embeddedInfrastructure", EmbeddedInfrastructure.shared().springProperties(database)));
    }
}
