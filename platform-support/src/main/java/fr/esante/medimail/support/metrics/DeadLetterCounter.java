package fr.esante.medimail.support.metrics;

import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the records the Kafka binder sends to a dead-letter topic ({@code medimail.events.dead.lettered}, per source
 * topic and reason), on the hook the binder calls for each one: the partition of the dead letter, which stays the
 * binder's default choice.
 */
public class DeadLetterCounter implements DlqPartitionFunction {

    private static final DlqPartitionFunction DEFAULT = DlqPartitionFunction.determineFallbackFunction(null,
            LogFactory.getLog(DeadLetterCounter.class));

    private final MeterRegistry registry;

    public DeadLetterCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer apply(String group, ConsumerRecord<?, ?> record, Throwable failure) {
        Counter.builder("medimail.events.dead.lettered")
                .description("Records a consumer gave up on and sent to the dead-letter topic")
                .tag("topic", record.topic())
                .tag("reason", reason(failure))
                .register(registry).increment();
        return DEFAULT.apply(group, record, failure);
    }

    /** POISON: cannot be decoded or has no event id (never retried); FAILED: the handler kept failing. */
    private static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof fr.esante.medimail.support.inbox.PoisonEventException) {
                return "POISON";
            }
        }
        return "FAILED";
    }
}
