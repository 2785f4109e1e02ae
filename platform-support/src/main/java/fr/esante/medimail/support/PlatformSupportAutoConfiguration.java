package fr.esante.medimail.support;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.util.unit.DataSize;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import fr.esante.medimail.schemas.serde.AvroSerializer;
import fr.esante.medimail.support.inbox.EventConsumers;
import fr.esante.medimail.support.outbox.Outbox;
import fr.esante.medimail.support.outbox.OutboxRelay;
import fr.esante.medimail.support.passwords.PasswordHashing;
import fr.esante.medimail.support.passwords.PasswordHashingSettings;
import fr.esante.medimail.support.secrets.SecretTokens;
import fr.esante.medimail.support.texts.UserTexts;
import fr.esante.medimail.support.security.SignInProtectionProperties;
import fr.esante.medimail.support.web.ProblemDetailsAdvice;
import fr.esante.medimail.support.web.ProblemErrorController;
import fr.esante.medimail.support.web.RequestGuard;
import fr.esante.medimail.support.web.RequestLogContext;
import fr.esante.medimail.support.web.StrictJson;
import fr.esante.medimail.support.web.TomcatHardening;
import fr.esante.medimail.support.web.SecurityHeaders;
import fr.esante.medimail.support.tracing.TraceContexts;
import fr.esante.medimail.support.metrics.ConsumerLagMetrics;
import fr.esante.medimail.support.metrics.DeadLetterCounter;
import fr.esante.medimail.support.metrics.MetricsAccess;
import fr.esante.medimail.support.metrics.OutboxMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;

/**
 * The plumbing every service gets: outbox and relay, idempotent event consumers, problem details, password hashing, and
 * secret sealing where a key is configured. Serde settings ({@code schema.registry.url} …) are read from
 * {@code spring.kafka.properties.*}, as for any Kafka client.
 */
// Before Thymeleaf's: its ResourceUrlEncodingFilter is registered only where none is (see resourceUrlEncodingFilter).
@AutoConfiguration(beforeName = {"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration"})
@EnableScheduling
@EnableConfigurationProperties({SignInProtectionProperties.class, PasswordHashingSettings.class})
public class PlatformSupportAutoConfiguration {

    /** Password hashing (Argon2id), unless the service brings its own encoder (login filters: {@code LoginPasswordHashing}). */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(PasswordEncoder.class)
    PasswordHashing passwordHashing(PasswordHashingSettings settings) {
        return new PasswordHashing(settings);
    }

    /** The one clock of every service (UTC) that dates events and expiries; a test replaces it with its own Clock bean. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The service's user texts ({@code texts/<service>/messages_fr.properties}); also where Bean Validation finds its
     * {@code {key}} messages. Only for a service that has such a file, unless it brings its own {@code messageSource}.
     */
    @Bean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    @ConditionalOnMissingBean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME, search = SearchStrategy.CURRENT)
    @Conditional(ServiceTextsPresent.class)
    MessageSource messageSource(@Value("${spring.application.name}") String applicationName) {
        return UserTexts.messageSource(applicationName);
    }

    static final class ServiceTextsPresent implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String service = context.getEnvironment().getProperty("spring.application.name", "");
            return !service.isEmpty() && context.getResourceLoader()
                    .getResource("classpath:" + UserTexts.basename(service) + "_fr.properties").exists();
        }
    }

    @Bean
    UserTexts userTexts(MessageSource messageSource) {
        return new UserTexts(messageSource);
    }

    /** The outbox's link to tracing: rows keep the trace of their transaction, the relay continues it. */
    @Bean
    TraceContexts outboxTraceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer available = tracer.getIfAvailable();
        Propagator propagation = propagator.getIfAvailable();
        return available == null || propagation == null ? TraceContexts.NONE : new TraceContexts(available, propagation);
    }

    /**
     * The relay polls every 100 ms: a trace per poll would bury the traces that matter. Its sends are traced, as children
     * of the transaction that recorded each event ({@link OutboxRelay}).
     */
    @Bean
    ObservationPredicate outboxPollsAreNotObserved() {
        return (name, context) -> !(context instanceof ScheduledTaskObservationContext task
                && task.getTargetClass() != null && OutboxRelay.class.isAssignableFrom(task.getTargetClass()));
    }

    /** Outbox depth, age of its oldest row and set-aside rows, per service ({@code /actuator/prometheus}). */
    @Bean
    OutboxMetrics outboxMetrics(JdbcClient jdbc) {
        return new OutboxMetrics(jdbc);
    }

    /** Consumer lag per consumed topic, registered once (see {@link ConsumerLagMetrics} for why not the binder's). */
    @Bean
    ConsumerLagMetrics consumerLagMetrics(KafkaProperties kafkaProperties, ObjectProvider<BindingServiceProperties> bindings) {
        return new ConsumerLagMetrics(kafkaProperties.buildAdminProperties(),
                bindings.getIfAvailable() == null ? List.of() : ConsumerLagMetrics.consumedBy(bindings.getIfAvailable()));
    }

    /** The Kafka binder's own lag gauge, which re-registers itself at each binding, stays out of the registry. */
    @Bean
    MeterFilter binderOffsetGaugeReplaced() {
        return MeterFilter.denyNameStartsWith("spring.cloud.stream.binder.kafka.offset");
    }

    /** Dead letters per topic; the Kafka binder calls it for each record it sends to a dead-letter topic. */
    @Bean
    DeadLetterCounter deadLetterCounter(MeterRegistry registry) {
        return new DeadLetterCounter(registry);
    }

    /** Sign-ins and registrations waiting for a password-hashing thread (a full queue answers 503). */
    @Bean
    MeterBinder passwordHashingMetrics(ObjectProvider<PasswordEncoder> encoder) {
        return registry -> {
            if (encoder.getIfAvailable() instanceof PasswordHashing hashing) {
                Gauge.builder("medimail.passwords.hashing.queued", hashing, PasswordHashing::queued)
                        .description("Password checks and hashes waiting for a hashing thread").register(registry);
            }
        };
    }

    /**
     * {@code /actuator/prometheus} behind the operator account of {@code medimail.metrics.operator.*}, in the services
     * without a Spring Security chain of their own (those guard it themselves, role OPERATOR).
     */
    @Bean
    @ConditionalOnMissingBean(type = "org.springframework.security.web.SecurityFilterChain")
    @ConditionalOnProperty(name = "medimail.metrics.open", havingValue = "false", matchIfMissing = true)
    FilterRegistrationBean<MetricsAccess> metricsAccess(@Value("${medimail.metrics.operator.username:}") String username,
                                                        @Value("${medimail.metrics.operator.password-hash:}") String passwordHash,
                                                        PasswordEncoder passwords) {
        FilterRegistrationBean<MetricsAccess> registration =
                new FilterRegistrationBean<>(new MetricsAccess(username, passwordHash, passwords));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(JdbcClient jdbc, TraceContexts outboxTraceContexts, ObjectProvider<OutboxRelay> relay) {
        return new Outbox(jdbc, outboxTraceContexts, () -> relay.ifAvailable(OutboxRelay::wake));
    }

    @Bean(destroyMethod = "destroy")
    KafkaTemplate<String, Object> outboxKafkaTemplate(KafkaProperties kafkaProperties, ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        AvroSerializer valueSerializer = new AvroSerializer();
        valueSerializer.configure(config, false);
        DefaultKafkaProducerFactory<String, Object> factory =
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), valueSerializer);
        // The producer's client metrics (kafka_producer_*) on /actuator/prometheus, like the binder's consumers.
        meters.ifAvailable(registry -> factory.addListener(new MicrometerProducerListener<>(registry)));
        KafkaTemplate<String, Object> template = new KafkaTemplate<>(factory);
        // Trace context into the record headers (W3C traceparent), and producer metrics.
        template.setObservationEnabled(true);
        return template;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "medimail.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, Object> outboxKafkaTemplate,
                            @Value("${medimail.outbox.batch-size:100}") int batchSize,
                            @Value("${medimail.outbox.send-timeout:10s}") Duration sendTimeout,
                            @Value("${medimail.outbox.poll-interval:100ms}") Duration pollInterval,
                            @Value("${medimail.outbox.idle-poll-interval:1s}") Duration idlePollInterval,
                            TraceContexts outboxTraceContexts) {
        return new OutboxRelay(jdbc, transactions, outboxKafkaTemplate, batchSize, sendTimeout, outboxTraceContexts,
                pollInterval, idlePollInterval);
    }

    @Bean
    EventConsumers eventConsumers(JdbcClient jdbc, TransactionTemplate transactions, KafkaProperties kafkaProperties,
                                  @Value("${spring.application.name}") String applicationName) {
        return new EventConsumers(jdbc, transactions, kafkaProperties.buildConsumerProperties(), applicationName);
    }

    /**
     * The links pages write are left as written. With the resource chain on (for the pre-compressed DSFR files), Spring
     * Boot would register {@link ResourceUrlEncodingFilter}, which rewrites links to versioned static files: since
     * static files are served from {@code /**}, it took every link of a page for a possible static file and searched
     * the whole classpath for it, missing every time and caching no miss (70 % of the staff queue page's CPU, see
     * backoffice-service's README, "Speed"). No service versions its static files, so there is nothing to rewrite.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /** Hardening of the HTTP edge; see the README, "Hardening". */
    @Bean
    StrictJson strictJson() {
        return new StrictJson();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    TomcatHardening tomcatHardening() {
        return new TomcatHardening();
    }

    @Bean
    FilterRegistrationBean<RequestGuard> requestGuard(@Value("${medimail.web.max-request-body:16KB}") DataSize maxBody,
                                                      @Value("${medimail.web.body-read-timeout:10s}") Duration bodyReadTimeout) {
        RequestGuard guard = new RequestGuard(maxBody.toBytes(), bodyReadTimeout);
        FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(guard);
        // ASYNC too: the request comes back through the guard once its body has been read without blocking.
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setAsyncSupported(true);
        registration.setOrder(guard.getOrder());
        return registration;
    }

    @Bean
    @ConditionalOnProperty("medimail.secrets.sealing-key")
    SecretTokens secretTokens(@Value("${medimail.secrets.sealing-key}") String key) {
        return new SecretTokens(key);
    }

    /**
     * Safety headers on every answer ({@code medimail.web.content-security-policy} overrides the strict default, e.g. to
     * let a page call another service's public endpoint). First in the chain, before Spring Security's own header writer.
     */
    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders(
            @Value("${medimail.web.content-security-policy:" + SecurityHeaders.STRICT_POLICY + "}") String policy) {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders(policy));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The service and, once known, the account on every log line of a request (MDC); right after the safety headers. */
    @Bean
    FilterRegistrationBean<RequestLogContext> requestLogContext(@Value("${spring.application.name:}") String applicationName) {
        FilterRegistrationBean<RequestLogContext> registration = new FilterRegistrationBean<>(new RequestLogContext(applicationName));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Cross-origin access for the few public endpoints that the registration pages (another origin) call from the browser:
     * {@code medimail.web.cors.paths} (Ant patterns) from {@code medimail.web.cors.allowed-origin-patterns}. No credentials
     * (no cookie, no Authorization header) are ever allowed cross-origin. Runs before any security filter, so a preflight
     * is answered without authentication.
     */
    @Bean
    @ConditionalOnProperty("medimail.web.cors.paths")
    FilterRegistrationBean<CorsFilter> publicEndpointsCors(@Value("${medimail.web.cors.paths}") List<String> paths,
                                                           @Value("${medimail.web.cors.allowed-origin-patterns}") List<String> origins) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(origins);
        configuration.setAllowedMethods(List.of("GET", "POST"));
        configuration.setAllowedHeaders(List.of("Content-Type", "Accept"));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        paths.forEach(path -> source.registerCorsConfiguration(path, configuration));
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
