package fr.esante.medimail.backoffice.directory.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import fr.esante.medimail.schemas.Topics;

/**
 * The directory feed must be compacted (Kafka keeps the last record of each address, and forgets an address after its
 * tombstone): created so at startup when missing, rather than left to the broker's automatic creation.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryTopicConfiguration {

    @Bean
    NewTopic directoryEntriesTopic(@Value("${medimail.directory.topic-partitions:1}") int partitions,
                                   @Value("${medimail.directory.topic-replicas:1}") short replicas) {
        return TopicBuilder.name(Topics.DIRECTORY_ENTRIES.name()).partitions(partitions).replicas(replicas).compact().build();
    }
}
