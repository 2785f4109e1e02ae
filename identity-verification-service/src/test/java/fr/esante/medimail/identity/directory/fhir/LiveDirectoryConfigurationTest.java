package fr.esante.medimail.identity.directory.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import fr.esante.medimail.identity.directory.DirectoryConfiguration;

/** The live directory is consulted only once it is configured; by default the service has none. */
class LiveDirectoryConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LiveDirectorySettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, LiveDirectoryConfiguration.class);

    @Test
    void unconfigured_by_default() {
        runner.run(context -> assertThat(context).doesNotHaveBean(DirectoryConfiguration.LIVE));
        runner.withPropertyValues("medimail.directory.live.base-url=", "medimail.directory.live.api-key=")
                .run(context -> assertThat(context).doesNotHaveBean(DirectoryConfiguration.LIVE));
        runner.withPropertyValues("medimail.directory.live.base-url=https://gateway.api.esante.gouv.fr/fhir/v2")
                .run(context -> assertThat(context).doesNotHaveBean(DirectoryConfiguration.LIVE));
    }

    @Test
    void configured_with_a_url_and_a_key() {
        runner.withPropertyValues("medimail.directory.live.base-url=http://127.0.0.1:9/fhir/v2", "medimail.directory.live.api-key=k",
                        "medimail.directory.live.calls-per-second=40")
                .run(context -> {
                    assertThat(context).hasSingleBean(FhirLiveDirectory.class);
                    assertThat(context.getBean(LiveDirectorySettings.class).callsPerSecond()).isEqualTo(17);
                });
    }
}
