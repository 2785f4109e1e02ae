package fr.esante.medimail.mssaddress;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MssAddressApplication {

    public static final String NAME = "mss-address-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication app = new SpringApplication(MssAddressApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", NAME));
        return app;
    }
}
