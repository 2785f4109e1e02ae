package fr.esante.medimail.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What every service of the platform promises (public-api.md): health, and problems for every HTTP error. */
class ServiceContractIT extends IntegrationTest {

    @Test
    void healthIsUpOnceTheDatabaseAndTheBrokerAreReachable() {
        Answer health = get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void unknownRoutesAndWrongMethodsAreRefused() {
        assertThat(apiGet("/api/v1/nothing-here").status()).isEqualTo(404);
        assertThat(apiGet("/api/v1/registrations").status()).isEqualTo(405);
    }

    @Test
    void unknownRoutesAndWrongMethodsAreProblemsToo() {
        assertThat(apiGet("/api/v1/nothing-here").contentType()).startsWith("application/problem+json");
        assertThat(apiGet("/api/v1/registrations").contentType()).startsWith("application/problem+json");
    }

    /** As an API client asks (a browser asking for text/html gets Spring Boot's error page instead). */
    private Answer apiGet(String path) {
        return send(request(path, null).setHeader("Accept", "application/json").GET());
    }
}
