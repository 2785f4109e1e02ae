package fr.esante.medimail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.local.EmbeddedPlatformInfrastructure;
import fr.esante.medimail.local.LocalPlatform;
import fr.esante.medimail.local.PlatformServices;
import fr.esante.medimail.testsupport.TestHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI documents committed under {@code docs/openapi/} are what the services serve on {@code /v3/api-docs}: a
 * changed endpoint, field or status makes this test fail until the document is regenerated with
 * {@code -Dmedimail.contracts.write=true} (see the README, "Contracts"), so the published contract never lags behind.
 */
class OpenApiContractsIT {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private static PlatformServices platform;

    @BeforeAll
    static void startPlatform() {
        platform = PlatformServices.start(new EmbeddedPlatformInfrastructure(EmbeddedInfrastructure.shared()), true,
                LocalPlatform.localSettings());
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"registration-service", "identity-verification-service", "mss-address-service",
            "backoffice-service", "notification-service"})
    void theCommittedDocumentIsWhatTheServiceServes(String service) throws IOException {
        TestHttpClient.Answer served = TestHttpClient.of(platform.baseUrl(service)).get("/v3/api-docs", Map.of());
        assertThat(served.status()).as(served.body()).isEqualTo(200);
        JsonNode document = served.json();
        assertThat(document.get("openapi").asString()).startsWith("3.1");
        String rendered = render(document);

        Path file = repositoryRoot().resolve("docs/openapi/" + service + ".json");
        if (Boolean.getBoolean("medimail.contracts.write")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, rendered, StandardCharsets.UTF_8);
        }
        assertThat(file).as("%s (regenerate with -Dmedimail.contracts.write=true)", file).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("docs/openapi/%s.json is stale: regenerate it with -Dmedimail.contracts.write=true", service)
                .isEqualTo(rendered);
    }

    /** Sorted keys, two-space indent, no server address (the port changes at every start). */
    private static String render(JsonNode served) {
        ObjectNode document = (ObjectNode) served.deepCopy();
        document.remove("servers");
        Object tree = JSON.treeToValue(document, Object.class);
        return JSON.writeValueAsString(tree).replace("\r\n", "\n") + "\n";
    }

    private static Path repositoryRoot() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        return Files.isDirectory(module.resolve("src/test/java/fr/esante/medimail/e2e")) ? module.getParent() : module;
    }
}
