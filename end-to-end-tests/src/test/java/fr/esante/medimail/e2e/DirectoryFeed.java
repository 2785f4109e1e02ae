package fr.esante.medimail.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import fr.esante.medimail.events.DirectoryEntry;
import fr.esante.medimail.schemas.Topics;

/** The compacted directory feed as a directory publisher sees it. */
final class DirectoryFeed {

    private DirectoryFeed() {
    }

    /** The feed read from the start into an empty map (MSSanté address to entry), as a publisher rebuilds it. */
    static Map<String, DirectoryEntry> replay(String kafkaBootstrapServers) {
        String topic = Topics.DIRECTORY_ENTRIES.name();
        var deserializer = Topics.DIRECTORY_ENTRIES.valueDeserializer(Map.of("schema.registry.url", "mock://medimail"));
        Map<String, DirectoryEntry> directory = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        directory.remove(record.key());
                    } else {
                        directory.put(record.key(), deserializer.deserialize(topic, record.value()));
                    }
                }
            }
        }
        return directory;
    }
}
