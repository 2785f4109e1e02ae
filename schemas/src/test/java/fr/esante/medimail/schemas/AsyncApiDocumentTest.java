package fr.esante.medimail.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The committed AsyncAPI document is the one the code generates: a new topic, a new event or a changed field makes this
 * test fail until the document is regenerated ({@code mvn -pl schemas test -Dtest=AsyncApiDocumentTest
 * -Dmedimail.contracts.write=true}), so the published contract never lags behind.
 */
class AsyncApiDocumentTest {

    @Test
    void theCommittedDocumentIsTheGeneratedOne() throws Exception {
        Path file = repositoryRoot().resolve(AsyncApiDocument.FILE);
        if (Boolean.getBoolean("medimail.contracts.write")) {
            AsyncApiDocument.write(file);
        }
        assertThat(file).as("%s (regenerate with -Dmedimail.contracts.write=true)", file).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("%s is stale: regenerate it with -Dmedimail.contracts.write=true", AsyncApiDocument.FILE)
                .isEqualTo(AsyncApiDocument.render());
    }

    @Test
    void everyTopicIsAChannelWithItsEventsAvroSchema() throws Exception {
        JsonNode document = new ObjectMapper().readTree(AsyncApiDocument.render());
        assertThat(document.get("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(document.get("channels").size()).isEqualTo(Topics.ALL.size());
        for (Topic<?> topic : Topics.ALL) {
            JsonNode channel = document.get("channels").get(AsyncApiDocument.channelId(topic));
            assertThat(channel.get("address").asText()).isEqualTo(topic.name());
            String event = topic.valueType().getSimpleName();
            JsonNode payload = document.get("components").get("messages").get(event).get("payload");
            assertThat(payload.get("schemaFormat").asText()).startsWith("application/vnd.apache.avro");
            assertThat(payload.get("schema").get("name").asText()).isEqualTo(event);
            assertThat(payload.get("schema").get("fields").findValuesAsText("name")).contains("eventId");
            assertThat(document.get("operations").get("send" + event).get("action").asText()).isEqualTo("send");
        }
    }

    private static Path repositoryRoot() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        return Files.isDirectory(module.resolve("src/main/avro")) ? module.getParent() : module;
    }
}
