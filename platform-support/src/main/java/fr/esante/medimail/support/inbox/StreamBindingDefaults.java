package fr.esante.medimail.support.inbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The Spring Cloud Stream settings every service's consumers share, at the lowest precedence (a service's yml, the
 * environment or the command line override any of them). A service's yml only names its functions and their topics
 * ({@code spring.cloud.function.definition}, {@code spring.cloud.stream.bindings.*}).
 */
public class StreamBindingDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = defaults();

    private static Map<String, Object> defaults() {
        Map<String, Object> stream = new LinkedHashMap<>();
        stream.put("spring.cloud.stream.kafka.binder.brokers", "${spring.kafka.bootstrap-servers}");
        stream.put("spring.cloud.stream.kafka.binder.auto-create-topics", "true");
        stream.put("spring.cloud.stream.kafka.binder.min-partition-count", "1");
        stream.put("spring.cloud.stream.kafka.binder.replication-factor", "1");
        // A binding with several consumer threads (concurrency) needs as many partitions: a topic that the producing
        // service's relay created first, with the broker's default of one, gets the missing ones when the binding starts.
        stream.put("spring.cloud.stream.kafka.binder.auto-add-partitions", "true");
        // Records the consumer gives up on go to <topic>.<group>.dlq (see EventConsumers).
        stream.put("spring.cloud.stream.kafka.default.consumer.enable-dlq", "true");
        // Raw bytes in, so the dead-letter topic receives a bad record exactly as it arrived.
        stream.put("spring.cloud.stream.kafka.default.consumer.configuration.key.deserializer",
                "org.apache.kafka.common.serialization.StringDeserializer");
        stream.put("spring.cloud.stream.kafka.default.consumer.configuration.value.deserializer",
                "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        stream.put("spring.cloud.stream.kafka.default.consumer.dlq-producer-properties.configuration.key.serializer",
                "org.apache.kafka.common.serialization.StringSerializer");
        stream.put("spring.cloud.stream.kafka.default.consumer.dlq-producer-properties.configuration.value.serializer",
                "org.apache.kafka.common.serialization.ByteArraySerializer");
        stream.put("spring.cloud.stream.default.group", "${spring.application.name}");
        stream.put("spring.cloud.stream.default.consumer.use-native-decoding", "true");
        // A part that is down for a while (PostgreSQL restarting, SMTP unreachable) must not send good events to the
        // dead-letter topic: retried with back-off for about 12 minutes, then dead-lettered (found by
        // fault-injection-tests). Poison is not retried at all (below).
        stream.put("spring.cloud.stream.default.consumer.max-attempts", "30");
        stream.put("spring.cloud.stream.default.consumer.back-off-initial-interval", "500");
        stream.put("spring.cloud.stream.default.consumer.back-off-multiplier", "2.0");
        stream.put("spring.cloud.stream.default.consumer.back-off-max-interval", "30000");
        // Longer than those retries, so that a consumer retrying an event is not thrown out of its group.
        stream.put("spring.cloud.stream.kafka.default.consumer.configuration.max.poll.interval.ms", "1200000");
        // A record that cannot be decoded will not decode better the next time: straight to the dead-letter topic.
        stream.put("spring.cloud.stream.default.consumer.retryable-exceptions[" + PoisonEventException.class.getName() + "]",
                "false");
        return Map.copyOf(stream);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("medimail-stream-defaults", DEFAULTS));
    }
}
