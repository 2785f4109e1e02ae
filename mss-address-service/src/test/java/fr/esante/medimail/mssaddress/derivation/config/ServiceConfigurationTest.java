package fr.esante.medimail.mssaddress.derivation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;

import fr.esante.medimail.mssaddress.MssAddressApplication;
import fr.esante.medimail.mssaddress.derivation.ProfessionDomains;
import fr.esante.medimail.mssaddress.derivation.TreG15;
import fr.esante.medimail.schemas.Topics;

/** Reads mss-address-service.yml as Spring binds it, without starting the service. */
class ServiceConfigurationTest {

    private final EnumerablePropertySource<?> yaml = yaml();
    private final Binder binder = new Binder(ConfigurationPropertySources.from(List.of(yaml)));

    @Test
    void theProfessionTableHoldsEveryActiveTreG15ProfessionWithItsNormalisedFrenchLabel() {
        MssAddressProperties properties = binder.bind("medimail.mss-address", MssAddressProperties.class).get();

        assertThat(properties.professions()).containsExactlyInAnyOrderEntriesOf(TreG15.domainLabels());
        assertThat(properties.region()).isEqualTo("oc");
        assertThat(new ProfessionDomains(properties.professions(), properties.region()).domainFor("70"))
                .contains("masseur-kinesitherapeute.oc.mssante.fr");
    }

    @Test
    void theServiceListensOnItsPortUnderItsName() {
        assertThat(binder.bind("server.port", Integer.class).get()).isEqualTo(8083);
        assertThat(binder.bind("spring.application.name", String.class).get()).isEqualTo(MssAddressApplication.NAME);
        assertThat(binder.bind("spring.flyway.locations", String.class).get())
                .contains("classpath:db/migration/" + MssAddressApplication.NAME);
    }

    @Test
    void theConsumerBindingReadsTheTopicNamedInTopics() {
        assertThat(yaml.getProperty("spring.cloud.function.definition"))
                .isEqualTo("onIdentityVerified;onOrganisationalStructureChecked");
        assertThat(yaml.getProperty("spring.cloud.stream.bindings.onIdentityVerified-in-0.destination"))
                .isEqualTo(Topics.IDENTITY_VERIFIED.name());
        assertThat(yaml.getProperty("spring.cloud.stream.bindings.onOrganisationalStructureChecked-in-0.destination"))
                .isEqualTo(Topics.ORGANISATIONAL_STRUCTURE_CHECKED.name());
    }

    @Test
    void everyBindingDestinationIsAPlatformTopic() {
        List<String> destinations = Arrays.stream(yaml.getPropertyNames())
                .filter(name -> name.startsWith("spring.cloud.stream.bindings.") && name.endsWith(".destination"))
                .map(name -> String.valueOf(yaml.getProperty(name)))
                .toList();
        assertThat(destinations).isNotEmpty()
                .allSatisfy(destination -> assertThat(Topics.named(destination)).isPresent());
    }

    private static EnumerablePropertySource<?> yaml() {
        try {
            return (EnumerablePropertySource<?>) new YamlPropertySourceLoader()
                    .load("mss-address-service", new ClassPathResource("mss-address-service.yml")).get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
