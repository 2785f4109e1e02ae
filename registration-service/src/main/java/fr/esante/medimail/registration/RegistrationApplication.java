package fr.esante.medimail.registration;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(RegistrationProperties.class)
public class RegistrationApplication {

    public static final String NAME = "registration-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication app = new SpringApplication(RegistrationApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", NAME));
        return app;
    }
}
