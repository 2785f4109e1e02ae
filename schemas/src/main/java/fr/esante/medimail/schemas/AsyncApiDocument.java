package fr.esante.medimail.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The AsyncAPI 3.0 document of every topic and event, generated from {@link Topics} and the Avro schemas: the published
 * contract for readers outside the code (directory publishers, future services). The committed copy is
 * {@code docs/asyncapi/medimail-events.asyncapi.json}; {@code AsyncApiDocumentTest} fails when it differs from what this
 * class generates, and {@code main} (or the test with {@code -Dmedimail.contracts.write=true}) rewrites it.
 */
public final class AsyncApiDocument {

    /** The payload format of every message: an Avro record schema (in the Confluent wire format on the topic). */
    static final String AVRO_FORMAT = "application/vnd.apache.avro+json;version=1.9.0";
    public static final String FILE = "docs/asyncapi/medimail-events.asyncapi.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            // Map.of has no stable order between runs; sorted keys keep the committed file byte for byte.
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private AsyncApiDocument() {
    }

    /** The document, as the committed file holds it (two-space JSON, a final newline). */
    public static String render() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("asyncapi", "3.0.0");
        document.put("info", Map.of(
                "title", "Medimail registration platform events",
                "version", "1",
                "description", """
                        Every Kafka topic of the platform and the one event it carries (generated from Topics and the Avro \
                        schemas of the schemas module; do not edit by hand). Values travel in the Confluent wire format \
                        (magic byte 0, 4-byte schema id, Avro binary); the key is the account id as a UTF-8 string, except \
                        on medimail.directory-entries.v1 (the MSSante address, compacted, tombstones when an entry goes). \
                        Records carry the W3C trace context in a traceparent header."""));
        document.put("defaultContentType", "avro/binary");
        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        for (Topic<?> topic : Topics.ALL) {
            String event = topic.valueType().getSimpleName();
            String channel = channelId(topic);
            channels.put(channel, Map.of(
                    "address", topic.name(),
                    "messages", Map.of(event, Map.of("$ref", "#/components/messages/" + event)),
                    "bindings", Map.of("kafka", Map.of("topic", topic.name(), "bindingVersion", "0.5.0"))));
            operations.put("send" + event, Map.of(
                    "action", "send",
                    "channel", Map.of("$ref", "#/channels/" + channel),
                    "messages", List.of(Map.of("$ref", "#/channels/" + channel + "/messages/" + event))));
            messages.put(event, message(topic));
        }
        document.put("channels", channels);
        document.put("operations", operations);
        document.put("components", Map.of("messages", messages));
        try {
            return JSON.writeValueAsString(document).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> message(Topic<?> topic) {
        Schema schema = SpecificData.get().getSchema(topic.valueType());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("name", schema.getName());
        message.put("title", schema.getFullName());
        if (schema.getDoc() != null) {
            message.put("summary", schema.getDoc());
        }
        message.put("contentType", "avro/binary");
        try {
            message.put("payload", Map.of("schemaFormat", AVRO_FORMAT, "schema", JSON.readTree(schema.toString())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        message.put("bindings", Map.of("kafka", Map.of("key", Map.of("type", "string"), "bindingVersion", "0.5.0")));
        return message;
    }

    /** medimail.account-validated.v1 → accountValidatedV1 */
    static String channelId(Topic<?> topic) {
        String[] words = topic.name().replaceFirst("^medimail\\.", "").split("[.-]");
        StringBuilder id = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return id.toString();
    }

    /** Rewrites the committed document: {@code args[0]} is the repository's root (default: the working directory). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        write(root.resolve(FILE));
    }

    static void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
