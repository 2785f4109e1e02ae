package fr.esante.medimail.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import fr.esante.medimail.backoffice.BackofficeApplication;
import fr.esante.medimail.identity.IdentityVerificationApplication;
import fr.esante.medimail.mssaddress.MssAddressApplication;
import fr.esante.medimail.notification.NotificationApplication;
import fr.esante.medimail.registration.RegistrationApplication;

/**
 * Starts the five services in this JVM, each in its own Spring context, with its own port and its own
 * database, talking to each other only through Kafka.
 */
public final class PlatformServices implements AutoCloseable {

    /** One service: its name (also its database name), the port of public-api.md, how to build it. */
    public record Service(String name, int defaultPort, Supplier<SpringApplication> application) {
    }

    public static final List<Service> SERVICES = List.of(
            new Service("registration-service", 8081, RegistrationApplication::application),
            new Service("identity-verification-service", 8082, IdentityVerificationApplication::application),
            new Service("mss-address-service", 8083, MssAddressApplication::application),
            new Service("backoffice-service", 8084, BackofficeApplication::application),
            new Service("notification-service", 8085, NotificationApplication::application));

    private final Map<String, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();

    /**
     * @param randomPorts true in tests (free ports chosen at start), false for the local stack (the fixed ports)
     * @param extraProperties per service name, properties added on top (e.g. the seeded staff account)
     */
    public static PlatformServices start(PlatformInfrastructure infrastructure, boolean randomPorts,
                                         Map<String, Map<String, Object>> extraProperties) {
        PlatformServices platform = new PlatformServices();
        // Ports are chosen before anything starts so that each service can be told where the others are (the
        // registration pages call two public endpoints of other services from the browser).
        Map<String, Integer> ports = new HashMap<>();
        SERVICES.forEach(service -> ports.put(service.name(), randomPorts ? freePort() : service.defaultPort()));
        // Two at a time: faster than one by one on a 2-core machine, without starving the broker.
        ExecutorService starter = Executors.newFixedThreadPool(2);
        try {
            List<Future<ConfigurableApplicationContext>> started = new ArrayList<>();
            for (Service service : SERVICES) {
                Map<String, Object> properties = new HashMap<>(infrastructure.propertiesFor(service.name().replace('-', '_')));
                properties.put("spring.kafka.properties.schema.registry.url", infrastructure.schemaRegistryUrl());
                properties.put("server.port", ports.get(service.name()));
                if (service.name().equals("registration-service")) {
                    properties.put("medimail.registration.pages.identity-verification-url",
                            "http://localhost:" + ports.get("identity-verification-service"));
                    properties.put("medimail.registration.pages.mss-address-url", "http://localhost:" + ports.get("mss-address-service"));
                }
                if (service.name().equals("notification-service")) {
                    // The links of e-mails open the pages of this very platform.
                    properties.put("medimail.notification.public-base-url", "http://localhost:" + ports.get("registration-service"));
                }
                properties.putAll(extraProperties.getOrDefault(service.name(), Map.of()));
                properties.putAll(extraProperties.getOrDefault("*", Map.of()));
                started.add(starter.submit(() -> {
                    SpringApplication application = service.application().get();
                    // This class closes the contexts, before the infrastructure goes: a hook per context would race with it.
                    application.setRegisterShutdownHook(false);
                    // Five services in one JVM: five identical logos before the table of addresses, which is what a
                    // person starting the stack wants to read.
                    application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
                    OneLoggingSetUpAtATime.applyTo(application);
                    return application.run(toArguments(properties));
                }));
            }
            for (int i = 0; i < SERVICES.size(); i++) {
                platform.contexts.put(SERVICES.get(i).name(), started.get(i).get());
            }
            return platform;
        } catch (Exception e) {
            platform.close();
            throw new IllegalStateException("The platform did not start: " + e.getMessage(), e);
        } finally {
            starter.shutdown();
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    /** Command-line arguments take precedence over every configuration file, as a deployment's would. */
    private static String[] toArguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    public int port(String serviceName) {
        return Integer.parseInt(contexts.get(serviceName).getEnvironment().getProperty("local.server.port"));
    }

    public String baseUrl(String serviceName) {
        return "http://localhost:" + port(serviceName);
    }

    public ConfigurableApplicationContext context(String serviceName) {
        return contexts.get(serviceName);
    }

    @Override
    public void close() {
        // Consumers stop before the infrastructure goes, so nothing is half-handled.
        List<String> names = new ArrayList<>(contexts.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            try {
                contexts.get(name).close();
            } catch (RuntimeException e) {
                System.err.println("Service " + name + " did not stop cleanly: " + e);
            }
        }
        contexts.clear();
    }
}
