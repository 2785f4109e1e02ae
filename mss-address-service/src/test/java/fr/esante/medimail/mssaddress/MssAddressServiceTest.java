package fr.esante.medimail.mssaddress;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import fr.esante.medimail.embedded.EmbeddedInfrastructureInitializer;

/**
 * The whole service on the JVM's embedded Kafka and PostgreSQL. Every class carrying it shares one cached
 * application context (same configuration), so the service starts once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = MssAddressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + MssAddressApplication.NAME)
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
public @interface MssAddressServiceTest {
}
