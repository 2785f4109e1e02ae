package fr.esante.medimail.support.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.config.BindingServiceProperties;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Consumer lag on {@code /actuator/prometheus}: for each topic the service consumes, the records its group has not
 * consumed yet, asked of the broker at each scrape (NaN when the broker does not answer in time).
 * <p>
 * It replaces the Kafka binder's own {@code spring.cloud.stream.binder.kafka.offset}, which registers its gauges again
 * for every topic at each new binding ({@code KafkaBinderMetrics} re-runs {@code bindTo} on every
 * {@code BindingCreatedEvent}): Micrometer warned "This Gauge has been already registered" at every start of a service
 * with two consumers or more, and the binder started a new scheduler per binding. These gauges are registered once,
 * from the binding configuration.
 */
public class ConsumerLagMetrics implements MeterBinder, AutoCloseable {

    public static final String NAME = "medimail.kafka.consumer.lag";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Spring Cloud Stream's functional input bindings: {@code onSomething-in-0}. */
    private static final Pattern INPUT_BINDING = Pattern.compile(".+-in-\\d+");

    private final Map<String, Object> adminConfig;
    private final List<Consumed> consumed;
    private Admin admin;

    /** A topic and the group that consumes it. */
    public record Consumed(String topic, String group) {
    }

    public ConsumerLagMetrics(Map<String, Object> adminConfig, List<Consumed> consumed) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.consumed = List.copyOf(consumed);
    }

    /** The consumed topics and their groups, as the service's input bindings declare them. */
    public static List<Consumed> consumedBy(BindingServiceProperties bindings) {
        return bindings.getBindings().keySet().stream().filter(name -> INPUT_BINDING.matcher(name).matches())
                .map(name -> new Consumed(bindings.getBindingDestination(name), bindings.getGroup(name)))
                .filter(c -> c.topic() != null && c.group() != null).distinct().toList();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Consumed c : consumed) {
            Gauge.builder(NAME, this, metrics -> metrics.lag(c)).tag("topic", c.topic()).tag("group", c.group())
                    .description("Records of the topic that the service's consumer group has not consumed yet")
                    .register(registry);
        }
    }

    private double lag(Consumed c) {
        try {
            Admin broker = admin();
            Map<TopicPartition, OffsetAndMetadata> committed = broker.listConsumerGroupOffsets(c.group())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<TopicPartition> partitions = broker.describeTopics(List.of(c.topic())).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(c.topic()).partitions().stream()
                    .map(p -> new TopicPartition(c.topic(), p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            partitions.forEach(p -> {
                latest.put(p, OffsetSpec.latest());
                earliest.put(p, OffsetSpec.earliest());
            });
            var ends = broker.listOffsets(latest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            var starts = broker.listOffsets(earliest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long lag = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata position = committed.get(partition);
                long from = position != null ? position.offset() : starts.get(partition).offset();
                lag += Math.max(0, ends.get(partition).offset() - from);
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
