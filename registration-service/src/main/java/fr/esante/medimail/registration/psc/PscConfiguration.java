package fr.esante.medimail.registration.psc;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PscProperties.class)
class PscConfiguration {
}
