package fr.esante.medimail.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import fr.esante.medimail.embedded.RestartableKafka;

/**
 * What the suite checks the platform by once the faults are over, from outside only, as an operator could: the
 * broker's topics and consumer groups, the outbox tables, notification-service's delivery records. It also writes the
 * poison it then expects in the dead-letter topics, marked so that any other dead letter stands out.
 */
final class OutsideViews {

    private static final byte[] POISON_MARK = "fault-injection-poison:".getBytes(StandardCharsets.UTF_8);

    private final RestartableKafka kafka;
    private final Databases databases;
    private final List<String> services;
    private final List<String> log;

    OutsideViews(RestartableKafka kafka, Databases databases, List<String> services, List<String> log) {
        this.kafka = kafka;
        this.databases = databases;
        this.services = services;
        this.log = log;
    }

    /** A dead letter the suite wrote itself. */
    static boolean isPoison(byte[] value) {
        return value != null && startsWith(value, POISON_MARK);
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    void awaitNoConsumerLag() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Map<String, Long> lag;
        try (Admin admin = admin()) {
            do {
                lag = new TreeMap<>();
                for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                    Map<TopicPartition, OffsetAndMetadata> committed =
                            admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                    var ends = admin.listOffsets(latest).all().get();
                    for (var entry : committed.entrySet()) {
                        long behind = ends.get(entry.getKey()).offset() - (entry.getValue() == null ? 0 : entry.getValue().offset());
                        if (behind > 0) {
                            lag.merge(group.groupId() + " " + entry.getKey(), behind, Long::sum);
                        }
                    }
                }
                if (lag.isEmpty()) {
                    log.add("consumer lag 0 in every group");
                    return;
                }
                Thread.sleep(500);
            } while (System.nanoTime() < deadline);
        }
        throw new AssertionError("Consumer groups still behind: " + lag);
    }

    Map<String, List<byte[]>> deadLetters() throws Exception {
        Set<String> topics;
        try (Admin admin = admin()) {
            topics = admin.listTopics().names().get().stream().filter(t -> t.startsWith("error.")).collect(Collectors.toSet());
        }
        Map<String, List<byte[]>> values = new TreeMap<>();
        for (String topic : topics) {
            values.put(topic, readAll(topic).stream().map(ConsumerRecord::value).toList());
        }
        return values;
    }

    /** The last value of every key of a topic (a compacted feed as a directory publisher sees it). */
    Map<String, byte[]> latestByKey(String topic) {
        Map<String, byte[]> latest = new HashMap<>();
        readAll(topic).forEach(record -> latest.put(record.key(), record.value()));
        return latest;
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    void injectPoison(List<String> topics, int perTopic) {
        Map<String, Object> properties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            for (String topic : topics) {
                for (int i = 0; i < perTopic; i++) {
                    byte[] value = (new String(POISON_MARK, StandardCharsets.UTF_8) + topic + "#" + i).getBytes(StandardCharsets.UTF_8);
                    producer.send(new ProducerRecord<>(topic, "poison-" + i, value));
                }
            }
            producer.flush();
        }
        log.add("poison: " + perTopic + " undecodable record(s) on each of " + topics);
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        if (value.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (value[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** notification-service's count of delivery attempts of the e-mail whose Message-ID is {@code <eventId.template@…>}. */
    long attemptsOf(String messageId) {
        Matcher id = Pattern.compile("<([0-9a-f-]{36})\\.([a-z-]+)@").matcher(messageId);
        if (!id.find()) {
            return 0;
        }
        String attempts = databases.queryString("notification-service", "SELECT attempts FROM sent_email WHERE event_id = ?::uuid AND template = ?",
                id.group(1), id.group(2));
        return attempts == null ? 0 : Long.parseLong(attempts);
    }

    void awaitNoPendingOutboxRow() throws InterruptedException {
        Map<String, Long> pending = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        do {
            pending.clear();
            for (String service : services) {
                long rows = databases.queryLong(service, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
                if (rows > 0) {
                    pending.put(service, rows);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Outbox rows still pending: " + pending);
    }
}
