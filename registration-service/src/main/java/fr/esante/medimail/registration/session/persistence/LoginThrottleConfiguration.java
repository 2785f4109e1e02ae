package fr.esante.medimail.registration.session.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import fr.esante.medimail.support.security.LoginThrottle;
import fr.esante.medimail.support.security.SignInProtectionProperties;

/** The brute-force counts of platform-support, in this service's tables {@code login_throttle} and {@code client_throttle}. */
@Configuration(proxyBeanMethods = false)
class LoginThrottleConfiguration {

    @Bean
    LoginThrottle loginThrottle(JdbcClient jdbc, TransactionTemplate transactions, SignInProtectionProperties settings) {
        return new LoginThrottle(jdbc, transactions, settings);
    }
}
