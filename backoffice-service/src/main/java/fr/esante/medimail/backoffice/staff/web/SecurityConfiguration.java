package fr.esante.medimail.backoffice.staff.web;

import static fr.esante.medimail.backoffice.staff.StaffRoles.REVIEWER;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import fr.esante.medimail.support.passwords.PasswordHashingSettings;
import fr.esante.medimail.support.security.LoginPasswordHashing;
import fr.esante.medimail.support.security.SecurityProblemResponses;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import fr.esante.medimail.backoffice.staff.StaffProperties;
import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what. Two filter chains:
 * <ul>
 * <li>{@code /api/**}: HTTP Basic, stateless, no CSRF (no cookie is ever trusted there); 401 and 403 as problem details;
 * the reviews and identity reviews APIs need the role REVIEWER.</li>
 * <li>everything else: the staff pages, with a French login form, a session and CSRF protection;
 * {@code /actuator/health} is public.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(StaffProperties.class)
class SecurityConfiguration {

    @Bean
    StaffDirectory staffDirectory(StaffProperties properties) {
        return new StaffDirectory(properties);
    }

    /** Argon2id ({@code medimail.passwords.*}); configured BCrypt hashes still work and are renewed at login. */
    @Bean(destroyMethod = "close")
    PasswordEncoder passwordEncoder(PasswordHashingSettings settings) {
        return new LoginPasswordHashing(settings);
    }

    @Bean
    SecurityProblemResponses problemResponses(JsonMapper json) {
        return new SecurityProblemResponses(json, "Medimail back-office",
                "Identifiez-vous avec votre compte du centre de services (authentification HTTP Basic).",
                "Votre compte n'a pas le rôle nécessaire pour instruire les demandes (REVIEWER).");
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProblemResponses problems) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/reviews", "/api/v1/reviews/**").hasRole(REVIEWER)
                        .requestMatchers("/api/v1/identity-reviews", "/api/v1/identity-reviews/**").hasRole(REVIEWER)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(problems.realm()).authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/login", "/error", "/favicon.ico").permitAll()
                        .requestMatchers("/reviews", "/reviews/**", "/identity-reviews/**").hasRole(REVIEWER)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/reviews", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(exceptions -> exceptions.accessDeniedPage("/acces-refuse"));
        return http.build();
    }
}
