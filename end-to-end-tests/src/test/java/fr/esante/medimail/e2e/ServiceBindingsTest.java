package fr.esante.medimail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import fr.esante.medimail.local.PlatformServices;
import fr.esante.medimail.schemas.Topic;
import fr.esante.medimail.schemas.Topics;

/**
 * Services name topics in their binding configuration; this keeps those names honest against the one
 * registry of topics, and checks that every topic someone writes is read by someone or is public.
 */
class ServiceBindingsTest {

    @Test
    void everyBindingListensToATopicOfTheRegistry() throws Exception {
        List<String> consumed = new ArrayList<>();
        for (PlatformServices.Service service : PlatformServices.SERVICES) {
            for (String destination : destinations(service.name())) {
                assertThat(Topics.named(destination)).as(service.name() + " binds to unknown topic " + destination).isPresent();
                consumed.add(destination);
            }
        }
        for (Topic<?> topic : Topics.ALL) {
            if (topic != Topics.EMAIL_CONFIRMED && !Topics.READ_BY_DIRECTORY_PUBLISHERS.contains(topic)) {
                assertThat(consumed).as("nobody reads " + topic.name()).contains(topic.name());
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> destinations(String serviceName) throws Exception {
        try (InputStream yml = ServiceBindingsTest.class.getResourceAsStream("/" + serviceName + ".yml")) {
            assertThat(yml).as(serviceName + ".yml on the classpath").isNotNull();
            Map<String, Object> root = new Yaml().load(yml);
            Map<String, Object> bindings = (Map<String, Object>) path(root, "spring", "cloud", "stream", "bindings");
            List<String> destinations = new ArrayList<>();
            if (bindings != null) {
                bindings.values().forEach(b -> destinations.add(String.valueOf(((Map<String, Object>) b).get("destination"))));
            }
            return destinations;
        }
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map)) {
                return null;
            }
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }
}
