package fr.esante.medimail.identity.operators.web;

import static fr.esante.medimail.identity.operators.OperatorRoles.OPERATOR;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.transaction.support.TransactionTemplate;

import fr.esante.medimail.support.security.LoginThrottle;
import fr.esante.medimail.support.passwords.PasswordHashingSettings;
import fr.esante.medimail.support.security.LoginPasswordHashing;
import fr.esante.medimail.support.security.SecurityProblemResponses;
import fr.esante.medimail.support.security.SignInProtectionProperties;
import fr.esante.medimail.support.security.ThrottledAuthenticationProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import fr.esante.medimail.identity.operators.OperatorAccounts;
import fr.esante.medimail.identity.operators.OperatorProperties;
import fr.esante.medimail.identity.IdentityVerificationApplication;
import fr.esante.medimail.support.texts.UserTexts;
import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what, in this service's context only. One stateless filter chain, HTTP Basic, no session, no CSRF
 * (no cookie is ever trusted):
 * <ul>
 * <li>public: {@code POST /api/v1/identifier-checks} (the registration forms call it) and {@code /actuator/health},
 * {@code /actuator/info};</li>
 * <li>role OPERATOR: {@code /api/v1/identity-decisions} (names, identifiers, evidence) and
 * {@code /api/v1/directory-imports} (start and follow imports), and anything else (deny by default).</li>
 * </ul>
 * 401, 403 and 429 are problem details ({@link SecurityProblemResponses}). Passwords are checked through
 * {@link ThrottledAuthenticationProvider}: after 5 consecutive failures an operator login is locked for 1, 5, then 15
 * minutes (429 with Retry-After, the right password included); the counts live in this service's database.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(OperatorProperties.class)
class SecurityConfiguration {

    private static final UserTexts TEXTS = UserTexts.of(IdentityVerificationApplication.NAME);

    @Bean
    OperatorAccounts operatorAccounts(OperatorProperties properties) {
        return new OperatorAccounts(properties);
    }

    /** Argon2id ({@code medimail.passwords.*}); configured BCrypt hashes still work and are renewed at login. */
    @Bean(destroyMethod = "close")
    PasswordEncoder passwordEncoder(PasswordHashingSettings settings) {
        return new LoginPasswordHashing(settings);
    }

    @Bean
    LoginThrottle loginThrottle(JdbcClient jdbc, TransactionTemplate transactions, SignInProtectionProperties settings) {
        return new LoginThrottle(jdbc, transactions, settings);
    }

    /** The only way operator passwords are checked (no parent manager: a refused attempt must not be retried elsewhere). */
    @Bean
    AuthenticationManager operatorAuthentication(OperatorAccounts operators, PasswordEncoder passwords, LoginThrottle throttle,
                                                 Clock clock) {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(operators);
        passwordCheck.setPasswordEncoder(passwords);
        // A hand-built provider gets no password service from Spring Boot: without it, configured BCrypt hashes would
        // never be renewed to Argon2id at login.
        passwordCheck.setUserDetailsPasswordService(operators);
        return new ProviderManager(new ThrottledAuthenticationProvider(passwordCheck, throttle, clock, "operator"));
    }

    @Bean
    SecurityProblemResponses problemResponses(JsonMapper json) {
        return new SecurityProblemResponses(json, "Medimail identity operators",
                TEXTS.text("operators.unauthenticated"), TEXTS.text("operators.forbidden"));
    }

    @Bean
    SecurityFilterChain operatorSecurity(HttpSecurity http, SecurityProblemResponses problems,
                                         AuthenticationManager operatorAuthentication) throws Exception {
        http.authenticationManager(operatorAuthentication)
                .authorizeHttpRequests(requests -> requests
                        // The error page of a request that already went through the rules (its status stays).
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/identifier-checks").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // The published contract (docs/openapi), as for anyone reading public-api.md.
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/api/v1/identity-decisions", "/api/v1/identity-decisions/**").hasRole(OPERATOR)
                        .requestMatchers("/api/v1/directory-imports", "/api/v1/directory-imports/**").hasRole(OPERATOR)
                        .anyRequest().hasRole(OPERATOR))
                .httpBasic(basic -> basic.realmName(problems.realm()).authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
