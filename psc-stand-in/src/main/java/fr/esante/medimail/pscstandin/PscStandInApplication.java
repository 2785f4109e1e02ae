package fr.esante.medimail.pscstandin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;

/**
 * A loopback OpenID provider shaped like Pro Santé Connect (PSC): same scopes ({@code openid scope_all}), same claims
 * ({@code SubjectNameID}, {@code SubjectRefPro}, {@code given_name}, {@code family_name}, {@code acr=eidas1}), for the
 * fictional people of test-identities.md. For the local stack and the tests only: anyone may be anyone here.
 */
@SpringBootConfiguration
@ComponentScan
@EnableConfigurationProperties(StandInProperties.class)
// Only what a small web server needs, listed rather than discovered: the stand-in runs in the JVM of the local stack and
// of the tests, whose classpath also holds JPA, Flyway, Kafka... that it must not configure.
@ImportAutoConfiguration({
        org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
        org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration.class,
        org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
        org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
        org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration.class,
        org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration.class,
        org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class})
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
