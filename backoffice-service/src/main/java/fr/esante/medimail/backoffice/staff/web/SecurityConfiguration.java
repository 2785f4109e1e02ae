package fr.esante.medimail.backoffice.staff.web;

import static fr.esante.medimail.backoffice.staff.StaffRoles.ADMIN;
import static fr.esante.medimail.backoffice.staff.StaffRoles.OPERATOR;
import static fr.esante.medimail.backoffice.staff.StaffRoles.REVIEWER;

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
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import fr.esante.medimail.backoffice.staff.StaffProperties;
import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;
import fr.esante.medimail.backoffice.BackofficeApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * Who may do what. Two filter chains:
 * <ul>
 * <li>{@code /api/**}: HTTP Basic, stateless, no CSRF (no cookie is ever trusted there); 401 and 403 as problem details;
 * the reviews, identity reviews, accounts and audit APIs need the role REVIEWER; closing, reopening and correcting
 * accounts and the exports need ADMIN (which implies REVIEWER); the directory backfill needs OPERATOR or ADMIN.</li>
 * <li>everything else: the staff pages, with a French login form, a session and CSRF protection;
 * {@code /actuator/health} is public.</li>
 * </ul>
 * Both chains check passwords through {@link ThrottledAuthenticationProvider}: after 5 consecutive failures a staff
 * login is locked for 1, 5, then 15 minutes (429 with Retry-After, the right password included), and a client address
 * that fails too often is refused for a while; the counts live in this service's database.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(StaffProperties.class)
class SecurityConfiguration {

    private static final UserTexts TEXTS = UserTexts.of(BackofficeApplication.NAME);

    @Bean
    StaffDirectory staffDirectory(StaffProperties properties) {
        return new StaffDirectory(properties);
    }

    /** An ADMIN may do everything a REVIEWER may. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role(ADMIN).implies(REVIEWER).build();
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

    /**
     * The only way staff passwords are checked, on both chains (no parent manager: a refused attempt must not be
     * retried elsewhere).
     */
    @Bean
    AuthenticationManager staffAuthentication(StaffDirectory staff, PasswordEncoder passwords, LoginThrottle throttle, Clock clock) {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(staff);
        passwordCheck.setPasswordEncoder(passwords);
        // A hand-built provider gets no password service from Spring Boot: without it, configured BCrypt hashes would
        // never be renewed to Argon2id at login.
        passwordCheck.setUserDetailsPasswordService(staff);
        return new ProviderManager(new ThrottledAuthenticationProvider(passwordCheck, throttle, clock, "staff"));
    }

    @Bean
    SecurityProblemResponses problemResponses(JsonMapper json) {
        return new SecurityProblemResponses(json, "Medimail back-office",
                TEXTS.text("staff.unauthenticated"),
                TEXTS.text("staff.forbidden"));
    }

    /** The operators' metrics: HTTP Basic, stateless, role OPERATOR (or ADMIN). */
    @Bean
    @Order(0)
    SecurityFilterChain metricsSecurity(HttpSecurity http, SecurityProblemResponses problems) throws Exception {
        http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole(OPERATOR, ADMIN))
                .httpBasic(basic -> basic.realmName(problems.realm()).authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProblemResponses problems, AuthenticationManager staffAuthentication)
            throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(staffAuthentication)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/reviews", "/api/v1/reviews/**").hasRole(REVIEWER)
                        .requestMatchers("/api/v1/identity-reviews", "/api/v1/identity-reviews/**").hasRole(REVIEWER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/accounts/*/closure", "/api/v1/accounts/*/reopening",
                                "/api/v1/accounts/*/contact-correction", "/api/v1/accounts/*/name-correction").hasRole(ADMIN)
                        .requestMatchers("/api/v1/exports/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/organisational-mailboxes/*/closure").hasRole(ADMIN)
                        .requestMatchers("/api/v1/accounts/**", "/api/v1/audit-records", "/api/v1/audit-records/**").hasRole(REVIEWER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/directory-entries/republication").hasAnyRole(OPERATOR, ADMIN)
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
    SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationManager staffAuthentication)
            throws Exception {
        http.authenticationManager(staffAuthentication)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // The published contract (docs/openapi), as for anyone reading public-api.md.
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/login", "/error", "/favicon.ico").permitAll()
                        // The login page is styled too: the DSFR files and the pages' own stylesheet and script are public.
                        .requestMatchers("/dsfr/**", "/css/**", "/js/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/accounts/*/closure", "/accounts/*/reopening",
                                "/accounts/*/contact-correction", "/accounts/*/name-correction").hasRole(ADMIN)
                        .requestMatchers("/exports/**").hasRole(ADMIN)
                        .requestMatchers("/reviews", "/reviews/**", "/identity-reviews/**", "/audit", "/accounts/**").hasRole(REVIEWER)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/reviews", false)
                        .failureHandler(new LoginFormFailures()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(exceptions -> exceptions.accessDeniedPage("/acces-refuse"));
        return http.build();
    }
}
