package fr.esante.medimail.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import sun.misc.Signal;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.schemas.registry.InMemorySchemaRegistry;

/**
 * The whole platform on one machine, one command: an embedded Kafka broker (KRaft), PostgreSQL and mail
 * server, and the five services on the ports of public-api.md. Ctrl-C stops everything. Kafka's log and
 * the database live in {@code .local-data/} and survive restarts; {@code --clean} starts from scratch.
 */
public final class LocalPlatform {

    static final int KAFKA_PORT = 9092;
    static final int POSTGRES_PORT = 15432;
    static final int SMTP_PORT = 3025;
    static final int IMAP_PORT = 3143;
    static final int MAIL_VIEWER_PORT = 8025;

    /** The local stack alone seeds this reviewer; production staff come from configuration. */
    public static final String SEEDED_REVIEWER = "agent";
    // Argon2id (m=7 MiB, t=5, p=1) of "agent": the local stack's seeded reviewer password.
    static final String SEEDED_REVIEWER_HASH =
            "$argon2id$v=19$m=7168,t=5,p=1$dMcOlTx/yPeeVCW8QjixXQ$UwnWSQlGf0NubfTEN2MWI5BVWu3v1mjE2/r/+DOgB7U";

    /** The local stack alone seeds this directory operator (imports, decision audit of identity-verification-service). */
    public static final String SEEDED_OPERATOR = "operateur";
    // Argon2id (m=7 MiB, t=5, p=1) of "operateur".
    static final String SEEDED_OPERATOR_HASH =
            "$argon2id$v=19$m=7168,t=5,p=1$uVrG9pSvowjz2hk3ZU9HRw$w/lRTEUoN8NLszax0WqWWmU/Hgvyz3s39YWkS+IOpZM";

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        // One logging set-up (logback.xml of this module) for the five services, instead of one per service.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        // Tomcat logs through java.util.logging: routed to logback, so its lines have the format of all others.
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        java.util.Optional<String> busy = PortCheck.firstBusy(PortCheck.localStackPorts());
        if (busy.isPresent()) {
            System.err.println(busy.get());
            System.exit(1);
        }
        boolean clean = Arrays.asList(args).contains("--clean");
        Path dataDirectory = Path.of(System.getProperty("medimail.data-dir", ".local-data")).toAbsolutePath();

        EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(new EmbeddedInfrastructure.Settings(
                KAFKA_PORT, dataDirectory.resolve("kafka"), POSTGRES_PORT, dataDirectory.resolve("postgres"), clean,
                SMTP_PORT, IMAP_PORT));
        // Kafka's log persists, so the ids its records carry must mean the same schemas after a restart.
        Path schemaJournal = dataDirectory.resolve("schema-registry.journal");
        if (clean) {
            Files.deleteIfExists(schemaJournal);
        }
        InMemorySchemaRegistry.forScope("medimail").journalTo(schemaJournal);
        MailViewer mailViewer = new MailViewer(infrastructure.mail(), MAIL_VIEWER_PORT);
        // The Pro Santé Connect stand-in needs no infrastructure: it starts alongside the services.
        java.util.concurrent.CompletableFuture<org.springframework.context.ConfigurableApplicationContext> pscStandIn =
                java.util.concurrent.CompletableFuture.supplyAsync(LocalPlatform::startPscStandIn);
        PlatformServices services;
        try {
            Map<String, Map<String, Object>> settings = new java.util.HashMap<>(localSettings());
            settings.put("registration-service", Map.of(
                    "medimail.psc.enabled", true,
                    "medimail.psc.issuer-uri", PSC_STAND_IN_URL,
                    "medimail.psc.client-id", "medimail-local",
                    "medimail.psc.client-secret", "medimail-local-secret"));
            services = PlatformServices.start(new EmbeddedPlatformInfrastructure(infrastructure), false, settings);
        } catch (RuntimeException e) {
            mailViewer.close();
            infrastructure.close();
            throw e;
        }
        org.springframework.context.ConfigurableApplicationContext standIn = pscStandIn.exceptionally(failure -> {
            // Everything else works without it: only "S'identifier avec Pro Santé Connect" then answers that PSC is down.
            System.err.println("The Pro Santé Connect stand-in did not start (" + failure.getCause() + ")");
            return null;
        }).join();

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runnable stop = () -> {
            if (!stopping.compareAndSet(false, true)) {
                return;
            }
            System.out.println("Stopping the Medimail platform…");
            services.close();
            if (standIn != null) {
                standIn.close();
            }
            mailViewer.close();
            infrastructure.close();
            System.out.println("Stopped: no service, broker, database or mail server left running.");
            stopped.countDown();
        };
        // Ctrl-C and kill stop the services first, then the infrastructure, and only then let the JVM's own
        // shutdown hooks run (the embedded PostgreSQL has one that would otherwise race with the services).
        for (String signal : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(signal), received -> {
                stop.run();
                System.exit(0);
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "local-platform-stop"));

        System.out.println(banner(services, infrastructure, dataDirectory, clean,
                Duration.ofNanos(System.nanoTime() - start)));
        stopped.await();
    }

    /** The loopback OpenID provider shaped like Pro Santé Connect (module psc-stand-in), with its default settings. */
    private static final String PSC_STAND_IN_URL = "http://127.0.0.1:8090";

    private static org.springframework.context.ConfigurableApplicationContext startPscStandIn() {
        org.springframework.boot.SpringApplication application = fr.esante.medimail.pscstandin.PscStandInApplication.application();
        application.setRegisterShutdownHook(false);
        application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        return application.run();
    }

    /** Settings of the local stack (and of the end-to-end tests, which walk the same platform). */
    public static Map<String, Map<String, Object>> localSettings() {
        return Map.of(
                "backoffice-service", Map.of(
                        "medimail.backoffice.staff[0].username", SEEDED_REVIEWER,
                        "medimail.backoffice.staff[0].password-hash", SEEDED_REVIEWER_HASH,
                        "medimail.backoffice.staff[0].roles", "REVIEWER"),
                "identity-verification-service", Map.of(
                        "medimail.identity.operators[0].username", SEEDED_OPERATOR,
                        "medimail.identity.operators[0].password-hash", SEEDED_OPERATOR_HASH,
                        "medimail.identity.operators[0].roles", "OPERATOR"));
    }

    private static String banner(PlatformServices services, EmbeddedInfrastructure infrastructure, Path dataDirectory,
                                 boolean clean, Duration startup) {
        StringBuilder text = new StringBuilder("\n");
        text.append("==================== Medimail platform is running ====================\n");
        for (PlatformServices.Service service : PlatformServices.SERVICES) {
            text.append(String.format("  %-31s %s%n", service.name(), services.baseUrl(service.name())));
        }
        text.append(String.format("  %-31s localhost:%d (KRaft)%n", "Kafka bootstrap", KAFKA_PORT));
        text.append(String.format("  %-31s mock://medimail (in memory, this JVM)%n", "Schema registry"));
        text.append(String.format("  %-31s jdbc:postgresql://localhost:%d/<service_name> (postgres/postgres)%n", "PostgreSQL",
                infrastructure.postgresPort()));
        text.append(String.format("  %-31s SMTP localhost:%d, IMAP localhost:%d (login = recipient, any password)%n",
                "Mail server", infrastructure.smtpPort(), infrastructure.imapPort()));
        text.append(String.format("  %-31s http://localhost:%d%n", "E-mails sent (web page)", MAIL_VIEWER_PORT));
        text.append(String.format("  %-31s %s / %s  (seeded for the local stack only)%n", "Back-office reviewer",
                SEEDED_REVIEWER, SEEDED_REVIEWER));
        text.append(String.format("  %-31s %s / %s  (seeded for the local stack only)%n", "Identity operator",
                SEEDED_OPERATOR, SEEDED_OPERATOR));
        text.append(String.format("  %-31s %s  (stand-in: pick a fictional professional)%n", "Pro Santé Connect",
                PSC_STAND_IN_URL));
        text.append(String.format("  %-31s %s%s%n", "Data", dataDirectory, clean ? " (cleaned at start)" : ""));
        text.append(String.format("Ready in %.1f s. Ctrl-C stops everything.%n", startup.toMillis() / 1000.0));
        text.append("=======================================================================\n");
        return text.toString();
    }
}
