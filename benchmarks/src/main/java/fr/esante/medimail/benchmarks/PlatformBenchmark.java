package fr.esante.medimail.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.store.StoredMessage;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.local.EmbeddedPlatformInfrastructure;
import fr.esante.medimail.local.LocalPlatform;
import fr.esante.medimail.local.PlatformServices;
import fr.esante.medimail.support.passwords.PasswordHashing;
import fr.esante.medimail.support.passwords.PasswordHashingSettings;
import fr.esante.medimail.support.secrets.SecretTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run, one JVM: the embedded infrastructure and the five services (as the local stack), driven over HTTP on
 * loopback. Prints and writes to {@code target/benchmark-report.md}:
 * <ol>
 * <li>the raw Argon2id hash rate at the configured parameters, on 1 thread and on one thread per processor;</li>
 * <li>registrations accepted per second by closed-loop clients (the intake ceiling) and its ratio to the raw rate;</li>
 * <li>password sign-ins per second, and its ratio to the raw rate;</li>
 * <li>at 50 % and 80 % of that ceiling (open loop, fixed rate): latency from the {@code 202} to the confirmation
 * e-mail at the SMTP server, and from the profile submission's {@code 202} to the review row in the back office;</li>
 * <li>time to ready, resident memory and peak heap.</li>
 * </ol>
 * Absolute figures depend on the machine and on what else runs on it; ratios measured in the same run are what
 * compare. Settings (system properties): {@code bench.seconds} (length of each measured phase, default 15),
 * {@code bench.clients} (closed-loop clients, default 2 per processor + 2), {@code bench.warmup} (seconds of unmeasured
 * registrations and sign-ins first, default 20), then rounds of both until the JIT compilers are quiet
 * ({@code bench.warmup.jit-quiet}, share of a core, default 0.05) or for at most {@code bench.warmup.max} seconds (180).
 */
public final class PlatformBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "Stethoscope2024";
    private static final Duration DRAIN_PATIENCE = Duration.ofSeconds(120);

    private final int processors = Runtime.getRuntime().availableProcessors();
    private final int seconds = Integer.getInteger("bench.seconds", 15);
    private final int clients = Integer.getInteger("bench.clients", 2 * processors + 2);
    /** Closed-loop clients of the intake phase (503 answers of a full hashing queue are counted apart). */
    private final int intakeClients = Integer.getInteger("bench.intake.clients", clients);
    private final int warmUp = Integer.getInteger("bench.warmup", 20);
    /** Longest extension of the warm-up while the JIT compilers are still busy (see JitSettling). */
    private final int warmUpMax = Integer.getInteger("bench.warmup.max", 180);
    /** Compilers' share of a core under which the warm-up ends. */
    private final double jitQuiet = Double.parseDouble(System.getProperty("bench.warmup.jit-quiet", "0.05"));
    /** Interleaved sign-in rounds (ours, Keycloak) of {@link #seconds} each. */
    private final int rounds = Integer.getInteger("bench.keycloak.rounds", 3);
    private final boolean keycloakWanted = !Boolean.getBoolean("bench.keycloak.skip");
    private final Path keycloakJava = Path.of(System.getProperty("bench.keycloak.java", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    /** Length of the soak (s) at 80 % of the intake ceiling, after the latency steps; 0 = no soak. */
    private final int soakSeconds = Integer.getInteger("bench.soak", 0);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4, clientThreads())).build();
    private final MemorySampler memory = new MemorySampler();
    private final Report report = new Report();

    private EmbeddedInfrastructure infrastructure;
    private PlatformServices services;
    private String registration;
    private JdbcClient registrationDb;
    private JdbcClient backofficeDb;
    private KeycloakPeer keycloak;
    private Thread keycloakStart;
    private volatile Exception keycloakFailure;
    private Throughput keycloakSignIns;
    private List<String> keycloakUsers;
    private String keycloakStored;
    private double keycloakIdleShare = Double.NaN;
    private CpuAccount cpu;
    private PasswordHashing registrationHashing;
    /** Calls started by the last closed loop, answered after its end included: the work the stack did. */
    private volatile int lastCalls;
    private CpuAccount.Result signInCpu;
    private double signInHashes;
    /** CPU time of one raw Argon2id hash, from the last raw-rate phase (load-independent, unlike the rate). */
    private double hashCpuMs;

    /** {@code benchmarks/target} when run from the repository's root (the README's command), else {@code target}. */
    private static final Path OUTPUT = Files.isDirectory(Path.of("benchmarks", "target")) ? Path.of("benchmarks", "target")
            : Path.of("target");

    public static void main(String[] args) throws Exception {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        Files.createDirectories(OUTPUT);
        // The services' logs go to a file (logback-benchmark.xml of this module), the console keeps the figures.
        System.setProperty("benchmark.log", OUTPUT.resolve("benchmark-platform.log").toString());
        System.setProperty("logback.configurationFile", "logback-benchmark.xml");
        // Tomcat logs through java.util.logging: into the same file.
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        PlatformBenchmark benchmark = new PlatformBenchmark();
        try {
            benchmark.run();
        } finally {
            benchmark.stop();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        report.line("# Medimail platform benchmark");
        report.line("");
        report.line("Run %s UTC on %d processors, load average at start %s, JVM %s, max heap %d MiB; phases of %d s, %d closed-loop clients.",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(Instant.now().atOffset(ZoneOffset.UTC)), processors,
                Figures.loadAverage(), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, seconds, clients);
        report.line("Figures are depressed by whatever else runs on the machine: compare the ratios, measured side by side in this run.");
        report.line("");

        long start = System.nanoTime();
        infrastructure = new EmbeddedInfrastructure(EmbeddedInfrastructure.Settings.forTests());
        Map<String, Map<String, Object>> settings = new HashMap<>(LocalPlatform.localSettings());
        settings.put("*", Map.of("spring.main.banner-mode", "off"));
        Map<String, Object> identity = new HashMap<>(settings.getOrDefault("identity-verification-service", Map.of()));
        identity.put("medimail.directory.import.location", BenchmarkDirectory.write(OUTPUT.resolve("benchmark-directory.txt"))
                .toAbsolutePath().toString());
        settings.put("identity-verification-service", identity);
        services = PlatformServices.start(new EmbeddedPlatformInfrastructure(infrastructure), true, settings);
        double ready = (System.nanoTime() - start) / 1e9;
        registration = services.baseUrl("registration-service");
        registrationDb = services.context("registration-service").getBean(JdbcClient.class);
        backofficeDb = services.context("backoffice-service").getBean(JdbcClient.class);
        memory.start();
        Map<Integer, String> servicesByPort = new HashMap<>();
        for (PlatformServices.Service service : PlatformServices.SERVICES) {
            servicesByPort.put(services.port(service.name()), service.name());
        }
        int backend = registrationDb.sql("SELECT pg_backend_pid()").query(Integer.class).single();
        cpu = new CpuAccount(servicesByPort, CpuAccount.parentOf(backend));
        registrationHashing = services.context("registration-service").getBean(PasswordHashing.class);
        report.section("Start");
        report.line("- local stack (Kafka, PostgreSQL, mail server, five services) ready in **%.1f s**", ready);
        report.line("- resident memory after start: %d MiB, heap used %d MiB", MemorySampler.rssMiB(), MemorySampler.heapUsedMiB());
        report.line("- confirmation e-mails: %s", confirmationConsumers());

        startKeycloakInBackground();

        // Warm-up (JIT, connection pools, consumers' first polls): the same calls as measured, not counted.
        System.out.println("Warming up for " + warmUp + " s…");
        closedLoop(warmUp, i -> post("/api/v1/registrations", registrationBody(email("warmup", i))), 202);
        String warm = email("warmup", -1);
        check(post("/api/v1/registrations", registrationBody(warm)), 202);
        confirm(warm);
        closedLoop(warmUp / 2, i -> post("/api/v1/sessions",
                JSON.writeValueAsString(Map.of("email", warm, "password", PASSWORD))), 200);
        List<String> signers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String email = email("signer", i);
            check(post("/api/v1/registrations", registrationBody(email)), 202);
            confirm(email);
            signers.add(email);
        }
        JitSettling.Outcome settled = JitSettling.settle(cpu, warmUpMax, jitQuiet, round -> {
            closedLoop(6, i -> post("/api/v1/registrations", registrationBody(email("settle" + round, i))), 202);
            closedLoop(3, i -> post("/api/v1/sessions", JSON.writeValueAsString(Map.of("email", warm, "password", PASSWORD))), 200);
        });
        report.line("- warm-up: %d s of registrations, %d s of sign-ins, then %.0f s more (%d rounds of both) until the JIT"
                + " compilers used %.0f %% of a core (%s %.0f %%); their share round after round: %s %%", warmUp, warmUp / 2,
                settled.seconds(), settled.rounds(), 100 * settled.lastShare(),
                settled.settled() ? "under" : "still above, the limit -Dbench.warmup.max reached:", 100 * jitQuiet, settled.curve());
        PasswordHashingSettings hashing = services.context("registration-service").getBean(PasswordHashingSettings.class);
        // Keycloak is started, set up, warmed up and idle before the first measured phase, then frozen outside its
        // own sign-in rounds: it never competes with a phase of ours for the cores.
        prepareKeycloak(signers, hashing);
        awaitIdleMachine();

        report.section("Raw hash rate (Argon2id m=" + hashing.memoryKib() + " KiB, t=" + hashing.iterations() + ", p="
                + hashing.parallelism() + ")");
        double raw1 = rawHashRate(hashing, 1);
        double rawN = rawHashRate(hashing, processors);
        report.line("- 1 thread: **%.1f hashes/s**", raw1);
        report.line("- %d threads: **%.1f hashes/s**", processors, rawN);

        report.section("Intake: registrations accepted per second (closed loop, " + intakeClients + " clients)");
        CpuAccount.Snapshot intakeStart = cpu.take();
        long hashesAtIntakeStart = registrationHashing.hashesDone();
        Throughput intake = closedLoop(seconds, intakeClients, i -> post("/api/v1/registrations", registrationBody(email("intake", i))), 202);
        int registered = lastCalls;
        report.line("- **%.1f registrations/s** accepted (%d in %d s; %d answered 503, %d other)", intake.rate(), intake.ok(),
                seconds, intake.busy(), intake.other());
        report.line("- ratio to the raw hash rate on %d threads: **%.2f** (goal >= 0.9)", processors, intake.rate() / rawN);
        report.line("- accepted per second over the phase: %s", intake.perSecond());
        double drained = awaitMails("intake.", registered);
        report.line("- confirmation e-mails of the phase all at the SMTP server %.1f s after its end", drained);
        // From the first request to the last e-mail at the SMTP server: the whole pipeline's work for these registrations.
        CpuAccount.Result intakeCpu = cpu.between(intakeStart, cpu.take(), registered);
        long intakeHashes = registrationHashing.hashesDone() - hashesAtIntakeStart;

        report.section("Sign-ins per second (closed loop, " + clients + " clients, 20 confirmed accounts)");
        Throughput signIns = signInsSideBySide(signers);
        cpuSection(intakeCpu, intakeHashes, rawN);
        if (!Boolean.getBoolean("bench.alone.skip")) {
            intakeAlone(intake, rawN);
        }
        report.section("Pipeline latency at 50 % and 80 % of the intake ceiling (" + String.format(Locale.ROOT, "%.1f", intake.rate()) + "/s, open loop)");
        report.line("| load | rate /s | 202 -> confirmation e-mail p50 / p95 / p99 / max (s) | e-mails late at end of sending | first vs last third p50 (s) | profile 202 -> review queryable p50 / p95 / p99 / max (s) | reviews missing |");
        report.line("|---|---|---|---|---|---|---|");
        List<Double> loads = List.of(50.0, 80.0);
        List<Latency> latencies = new ArrayList<>();
        // -Dbench.latency.skip=true: the rates and the CPU per operation only (profiling, before/after comparisons).
        if (!Boolean.getBoolean("bench.latency.skip")) {
            for (double load : loads) {
                Latency latency = latencyAt(load / 100, load / 100 * intake.rate());
                latencies.add(latency);
                report.line(latency.row());
            }
            charts(intake, signIns, loads, latencies);
        }

        if (soakSeconds > 0) {
            soak(0.8 * intake.rate());
        }

        memory.stop();
        report.section("Memory");
        report.line("- resident memory: peak %d MiB (VmHWM), at end %d MiB", MemorySampler.peakRssMiB(), MemorySampler.rssMiB());
        report.line("- heap: peak used %d MiB (sum of the pools' peaks), max used between samples %d MiB", MemorySampler.peakHeapMiB(),
                memory.maxHeapMiB.get());
        System.gc();
        report.line("- heap used after a full GC at end: %d MiB", MemorySampler.heapUsedMiB());
        report.line("- heap used over the run (MiB, one sample every 5 s): %s", memory.samples());
        report.line("");
        report.line("Load average at end: %s.", Figures.loadAverage());

        Path out = OUTPUT.resolve("benchmark-report.md");
        Files.writeString(out, report.text());
        System.out.println();
        System.out.println(report.text());
        System.out.println("Report written to " + out.toAbsolutePath());
    }

    /** How many partitions the confirmation e-mails' topic has, and how many threads notification-service gives it. */
    private String confirmationConsumers() {
        String topic = fr.esante.medimail.schemas.Topics.ACCOUNT_REQUESTED.name();
        String threads = services.context("notification-service").getEnvironment()
                .getProperty("spring.cloud.stream.bindings.onAccountRequested-in-0.consumer.concurrency", "1");
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            return String.format(Locale.ROOT, "%s has %d partitions, consumed by %s notification-service threads", topic,
                    partitions, threads);
        } catch (Exception e) {
            return "partitions of " + topic + " unknown (" + e + ")";
        }
    }

    private void stop() {
        memory.stop();
        stopKeycloak();
        if (services != null) {
            services.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    // ---------------------------------------------------------------- Keycloak side by side

    /** Unpacks and starts Keycloak while the platform warms up (not measured), unless it cannot run here. */
    private void startKeycloakInBackground() {
        if (!keycloakWanted) {
            return;
        }
        Optional<String> missing = KeycloakPeer.unavailable(keycloakJava);
        if (missing.isPresent()) {
            keycloakFailure = new IllegalStateException(missing.get());
            System.out.println("Keycloak side by side skipped: " + missing.get());
            return;
        }
        PasswordHashingSettings hashing = services.context("registration-service").getBean(PasswordHashingSettings.class);
        keycloakStart = new Thread(() -> {
            try {
                long start = System.nanoTime();
                keycloak = KeycloakPeer.start(keycloakJava, Integer.getInteger("bench.keycloak.port", 18080), hashing.memoryKib(),
                        hashing.iterations(), hashing.parallelism(), OUTPUT.resolve("benchmark-keycloak.log"), http);
                System.out.printf(Locale.ROOT, "Keycloak %s ready in %.0f s (pid %d)%n", KeycloakPeer.VERSION,
                        (System.nanoTime() - start) / 1e9, keycloak.pid());
            } catch (Exception e) {
                keycloakFailure = e;
            }
        }, "keycloak-start");
        keycloakStart.setDaemon(true);
        keycloakStart.start();
    }

    private void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
            keycloak = null;
        }
    }

    /**
     * Password sign-ins per second, ours and Keycloak's, in interleaved rounds of {@link #seconds} (ours, then Keycloak,
     * {@link #rounds} times) with the same number of clients, so both see the same machine. Without Keycloak: ours alone.
     */
    private Throughput signInsSideBySide(List<String> signers) throws Exception {
        Call ours = i -> post("/api/v1/sessions",
                JSON.writeValueAsString(Map.of("email", signers.get(i % signers.size()), "password", PASSWORD)));
        if (keycloak == null) {
            Throughput signIns = ourSignInRound(ours);
            report.line("- **%.1f sign-ins/s** (%d in %d s; %d answered 503, %d other)", signIns.rate(), signIns.ok(), seconds,
                    signIns.busy(), signIns.other());
            report.line("- Keycloak side by side: **skipped**, %s", keycloakWanted
                    ? (keycloakFailure == null ? "not started" : keycloakFailure.getMessage()) : "-Dbench.keycloak.skip=true");
            return signIns;
        }
        KeycloakPeer peer = keycloak;
        Call theirs = i -> peer.signIn(keycloakUsers.get(i % keycloakUsers.size()), PASSWORD);
        List<Throughput> oursRuns = new ArrayList<>();
        List<Throughput> theirRuns = new ArrayList<>();
        // ABBA order (ours first in even rounds, Keycloak first in odd ones): neither always runs after the other.
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                oursRuns.add(ourSignInRound(ours));
                theirRuns.add(keycloakRound(theirs));
            } else {
                theirRuns.add(keycloakRound(theirs));
                oursRuns.add(ourSignInRound(ours));
            }
        }
        stopKeycloak(); // its memory stays out of the latency steps
        Throughput signIns = combined(oursRuns);
        keycloakSignIns = combined(theirRuns);
        report.line("- this platform: **%.1f sign-ins/s** (%d in %d s over %d rounds; per round %s; %d answered 503, %d other)",
                signIns.rate(), signIns.ok(), seconds * rounds, rounds, rates(oursRuns), signIns.busy(), signIns.other());
        report.line("- Keycloak %s (start-dev, password grant, same Argon2id parameters, interleaved): **%.1f sign-ins/s** "
                + "(%d in %d s; per round %s; %d other)", KeycloakPeer.VERSION, keycloakSignIns.rate(), keycloakSignIns.ok(),
                seconds * rounds, rates(theirRuns), keycloakSignIns.other());
        report.line("- ratio to Keycloak: **%.2f** (goal >= 2.0)", signIns.rate() / keycloakSignIns.rate());
        report.line("- Keycloak stored the password as `%s`", keycloakStored);
        report.line("- Keycloak was started, set up and warmed up before the first measured phase, then left alone until it used"
                + " %.0f %% of a core, and kept frozen (SIGSTOP) outside its own rounds; rounds in ABBA order", 100 * keycloakIdleShare);
        return signIns;
    }

    /**
     * A second, clearly secondary intake figure: registration-service alone, the event consumers of the four other
     * services paused for the phase, as if they ran on other machines. Their work is deferred, not skipped: they are
     * resumed after the phase and every confirmation e-mail must still arrive. The broker and PostgreSQL stay on the
     * same cores, and registration-service still writes, relays and publishes every event.
     */
    private void intakeAlone(Throughput fullStack, double rawN) throws Exception {
        List<org.springframework.cloud.stream.binder.Binding<?>> paused = new ArrayList<>();
        for (PlatformServices.Service service : PlatformServices.SERVICES) {
            if (service.name().equals("registration-service")) {
                continue;
            }
            var bindings = services.context(service.name()).getBean(org.springframework.cloud.stream.binding.BindingService.class);
            for (String name : bindings.getConsumerBindingNames()) {
                for (var binding : bindings.getConsumerBindings(name)) {
                    binding.pause();
                    paused.add(binding);
                }
            }
        }
        report.section("Intake of registration-service alone (secondary figure; closed loop, " + intakeClients + " clients)");
        CpuAccount.Snapshot start = cpu.take();
        Throughput alone;
        int registered;
        try {
            alone = closedLoop(seconds, intakeClients, i -> post("/api/v1/registrations", registrationBody(email("alone", i))), 202);
            registered = lastCalls;
        } finally {
            paused.forEach(org.springframework.cloud.stream.binder.Binding::resume);
        }
        CpuAccount.Result cpuAlone = cpu.between(start, cpu.take(), registered);
        double drained = awaitMails("alone.", registered);
        report.line("- the event consumers of the four other services (%d bindings) paused during the phase, as if they ran on other"
                + " machines; Kafka, PostgreSQL and the mail server still on the same cores. **Not the headline figure**:"
                + " the full-stack intake above is.", paused.size());
        report.line("- **%.1f registrations/s** accepted (%d in %d s; %d answered 503, %d other), ratio to the raw hash rate"
                + " **%.2f** (full stack: %.2f)", alone.rate(), alone.ok(), seconds, alone.busy(), alone.other(), alone.rate() / rawN,
                fullStack.rate() / rawN);
        report.line("- CPU per registration during the phase: **%.1f ms** (hashing threads %.1f ms); the consumers resumed"
                + " after it, and its %d confirmation e-mails were all at the SMTP server %.1f s after its end",
                cpuAlone.totalMsPerOperation(), cpuAlone.ms("password-hashing-#"), registered, drained);
    }

    /** Named so that the CPU account tells the benchmark's own work from the stack's. */
    private static java.util.concurrent.ThreadFactory clientThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "bench-client-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One round of our sign-ins; the first one's CPU and hashes are accounted (Keycloak is frozen during ours). */
    private Throughput ourSignInRound(Call ours) throws Exception {
        CpuAccount.Snapshot before = cpu.take();
        long hashes = registrationHashing.hashesDone();
        Throughput round = closedLoop(seconds, ours, 200);
        if (signInCpu == null) {
            signInCpu = cpu.between(before, cpu.take(), lastCalls);
            signInHashes = (registrationHashing.hashesDone() - hashes) / (double) lastCalls;
        }
        return round;
    }

    /**
     * Where the CPU of a registration and of a sign-in goes, per operation: load-independent figures (see
     * {@link CpuAccount}), unlike the rates above.
     */
    private void cpuSection(CpuAccount.Result intakeCpu, long intakeHashes, double rawN) {
        report.section("CPU per operation, by thread group (load-independent)");
        double hashMs = hashCpuMs;
        report.line("Measured over the intake phase (%d registrations, %.1f s, from the first request to the last confirmation"
                + " e-mail at the SMTP server) and over our first sign-in round (%d sign-ins, %.1f s). One Argon2id hash costs"
                + " %.1f ms of CPU (hashing threads' CPU time over hashes in the raw-rate phase). Argon2id hashes and verifications by registration-service: **%.2f per"
                + " registration**, **%.2f per sign-in**.", intakeCpu.operations(), intakeCpu.seconds(),
                signInCpu == null ? 0 : signInCpu.operations(), signInCpu == null ? 0 : signInCpu.seconds(), hashMs,
                intakeHashes / (double) intakeCpu.operations(), signInHashes);
        report.line("");
        report.line("- registration: **%.1f ms** of CPU, of which %.1f ms in the hashing threads; **%.1f ms outside the hash**;"
                + " the CPU of a registration allows at most %.1f registrations/s on %d cores", intakeCpu.totalMsPerOperation(),
                intakeCpu.ms("password-hashing-#"), intakeCpu.totalMsPerOperation() - intakeCpu.ms("password-hashing-#"),
                1000.0 * processors / intakeCpu.totalMsPerOperation(), processors);
        report.line("- so on a machine where the stack had the cores to itself, intake could reach at most **%.2f** of the raw"
                + " hash rate (one hash's CPU over a registration's CPU): the load-independent form of the intake ratio",
                hashMs / intakeCpu.totalMsPerOperation());
        if (signInCpu != null) {
            report.line("- sign-in: **%.1f ms** of CPU, of which %.1f ms in the hashing threads; **%.1f ms outside the hash**",
                    signInCpu.totalMsPerOperation(), signInCpu.ms("password-hashing-#"),
                    signInCpu.totalMsPerOperation() - signInCpu.ms("password-hashing-#"));
        }
        report.line("");
        report.line("| registration: thread group | CPU ms per registration |");
        report.line("|---|---|");
        intakeCpu.lines().forEach(report::line);
        if (signInCpu != null) {
            report.line("");
            report.line("| sign-in: thread group | CPU ms per sign-in |");
            report.line("|---|---|");
            signInCpu.lines().forEach(report::line);
        }
    }

    /** One measured round of Keycloak's: thawed for it only. */
    private Throughput keycloakRound(Call theirs) throws Exception {
        keycloak.resume();
        try {
            return closedLoop(seconds, theirs, 200);
        } finally {
            keycloak.pause();
        }
    }

    /**
     * Waits for Keycloak's start, creates its realm and users, warms it up (JIT, as ours had), waits until it is idle
     * and freezes it. Any failure leaves the comparison out, with the reason in the report.
     */
    private void prepareKeycloak(List<String> signers, PasswordHashingSettings hashing) throws Exception {
        if (keycloakStart == null) {
            return;
        }
        System.out.println("Waiting for Keycloak…");
        keycloakStart.join();
        if (keycloak == null) {
            return;
        }
        try {
            keycloakUsers = new ArrayList<>();
            for (int i = 0; i < signers.size(); i++) {
                keycloakUsers.add("signer" + i);
            }
            keycloakStored = keycloak.configure(keycloakUsers, PASSWORD, hashing.iterations());
            KeycloakPeer peer = keycloak;
            closedLoop(Math.max(5, warmUp / 2), i -> peer.signIn(keycloakUsers.get(i % keycloakUsers.size()), PASSWORD), 200);
            keycloakIdleShare = keycloak.awaitIdle(0.05, Duration.ofSeconds(120));
            keycloak.pause();
            System.out.printf(Locale.ROOT, "Keycloak set up, warmed up, idle (%.0f %% of a core) and frozen%n", 100 * keycloakIdleShare);
        } catch (Exception e) {
            keycloakFailure = e;
            stopKeycloak();
        }
    }

    /**
     * Before the first measured phase: waits until this JVM (the whole local stack) uses less than a tenth of a core
     * over 3 s, i.e. the warm-up's e-mails and events are through, at most 60 s.
     */
    private void awaitIdleMachine() throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long deadline = System.nanoTime() + 60_000_000_000L;
        double share = Double.NaN;
        while (System.nanoTime() < deadline) {
            long before = os.getProcessCpuTime();
            long start = System.nanoTime();
            Thread.sleep(3000);
            share = (os.getProcessCpuTime() - before) / (double) (System.nanoTime() - start);
            if (share < 0.1) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "Local stack at %.0f %% of a core before the measured phases%n", 100 * share);
    }

    private Throughput combined(List<Throughput> runs) {
        int ok = 0, busy = 0, other = 0;
        List<Integer> counts = new ArrayList<>();
        for (Throughput run : runs) {
            ok += run.ok();
            busy += run.busy();
            other += run.other();
            counts.addAll(run.perSecondCounts());
        }
        return new Throughput(ok, busy, other, ok / (double) (seconds * runs.size()), counts);
    }

    private static String rates(List<Throughput> runs) {
        return runs.stream().map(run -> String.format(Locale.ROOT, "%.1f", run.rate())).toList().toString();
    }

    // ---------------------------------------------------------------- soak

    /**
     * Registrations at a fixed rate for {@link #soakSeconds}: heap used and old generation after each collection every
     * 5 s, heap after a full GC before and after, and the confirmation e-mails' latency (first vs last third).
     */
    private void soak(double rate) throws Exception {
        report.section(String.format(Locale.ROOT, "Soak: %d s of registrations at %.1f/s (80 %% of the ceiling)", soakSeconds, rate));
        System.gc();
        long heapBefore = MemorySampler.heapUsedMiB();
        List<Double> minutes = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        List<Double> oldGen = new ArrayList<>();
        long start = System.nanoTime();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            synchronized (heap) {
                minutes.add((System.nanoTime() - start) / 60e9);
                heap.add((double) MemorySampler.heapUsedMiB());
                oldGen.add((double) MemorySampler.oldGenAfterGcMiB());
            }
        }, 0, 5, TimeUnit.SECONDS);
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        openLoop(rate, (int) Math.round(rate * soakSeconds), soakSeconds, i -> {
            String email = email("soak", i);
            HttpResponse<String> answer = post("/api/v1/registrations", registrationBody(email));
            if (answer.statusCode() == 202) {
                accepted.put(email, System.currentTimeMillis());
            } else {
                refused.incrementAndGet();
            }
            return answer;
        });
        int lateAtEnd = accepted.size() - mailTimes(accepted.keySet()).size();
        Map<String, Long> mails = awaitMailTimes(accepted);
        sampler.shutdownNow();
        System.gc();
        long heapAfter = MemorySampler.heapUsedMiB();
        List<double[]> byTime = new ArrayList<>();
        for (Map.Entry<String, Long> mail : mails.entrySet()) {
            long sent = accepted.get(mail.getKey());
            byTime.add(new double[] {sent, Math.max(0, mail.getValue() - sent) / 1000.0});
        }
        byTime.sort((a, b) -> Double.compare(a[0], b[0]));
        List<Double> latencies = byTime.stream().map(p -> p[1]).toList();
        int third = Math.max(1, latencies.size() / 3);
        List<Double> first = latencies.subList(0, Math.min(third, latencies.size()));
        List<Double> last = latencies.subList(Math.max(0, latencies.size() - third), latencies.size());
        report.line("- %d registrations accepted, %d refused; %d confirmation e-mails at the SMTP server (%d late at the end of sending)",
                accepted.size(), refused.get(), mails.size(), lateAtEnd);
        report.line("- 202 -> confirmation e-mail p50 / p95 / p99 / max: %s s; p50 of the first vs last third: %.2f / %.2f s",
                Figures.percentiles(latencies), Figures.percentile(first, 50), Figures.percentile(last, 50));
        List<Double> heapCopy;
        List<Double> oldCopy;
        List<Double> minuteCopy;
        synchronized (heap) {
            heapCopy = List.copyOf(heap);
            oldCopy = List.copyOf(oldGen);
            minuteCopy = List.copyOf(minutes);
        }
        int minute = Math.max(1, Math.min(12, oldCopy.size() / 3)); // the first and last minute (12 samples)
        report.line("- heap after a full GC: %d MiB before the soak, %d MiB after it; the mail server of the local stack keeps"
                + " every e-mail it received in the heap: %s", heapBefore, heapAfter, mailStore());
        report.line("- old generation after collections: mean %.0f MiB over the first minute, %.0f MiB over the last; heap used peak %.0f MiB",
                mean(oldCopy.subList(0, minute)), mean(oldCopy.subList(oldCopy.size() - minute, oldCopy.size())),
                heapCopy.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        try {
            Charts.lines(OUTPUT.resolve("benchmark-soak-heap.png"), "Heap over the soak", "minute", "MiB", List.of(
                    new Charts.Series("heap used", minuteCopy, heapCopy),
                    new Charts.Series("old generation after GC", minuteCopy, oldCopy)));
            report.line("");
            report.line("![soak heap](benchmark-soak-heap.png)");
        } catch (Exception e) {
            System.err.println("Soak chart not drawn: " + e);
        }
    }

    private Map<String, Long> awaitMailTimes(Map<String, Long> accepted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DRAIN_PATIENCE.toMillis();
        Map<String, Long> mails = mailTimes(accepted.keySet());
        while (mails.size() < accepted.size() && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
            mails = mailTimes(accepted.keySet());
        }
        return mails;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    // ---------------------------------------------------------------- raw hashing

    private double rawHashRate(PasswordHashingSettings settings, int threads) throws Exception {
        Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong count = new AtomicLong();
        AtomicLong hashCpuNanos = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                long cpuStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                while (running.get()) {
                    argon2.hash(settings.iterations(), settings.memoryKib(), settings.parallelism(), PASSWORD.toCharArray(),
                            StandardCharsets.UTF_8);
                    count.incrementAndGet();
                }
                hashCpuNanos.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart);
            }));
        }
        Thread.sleep(seconds * 1000L / 2);
        running.set(false);
        for (Future<?> worker : workers) {
            worker.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        hashCpuMs = hashCpuNanos.get() / 1e6 / count.get();
        return count.get() / elapsed;
    }

    // ---------------------------------------------------------------- closed and open loops

    private record Throughput(int ok, int busy, int other, double rate, List<Integer> perSecondCounts) {
        String perSecond() {
            return perSecondCounts.toString();
        }
    }

    private interface Call {
        HttpResponse<String> call(int i) throws Exception;
    }

    /** {@link #clients} threads calling back to back for that long; counts answers by status. */
    private Throughput closedLoop(int seconds, Call call, int expected) throws Exception {
        return closedLoop(seconds, clients, call, expected);
    }

    private Throughput closedLoop(int seconds, int clients, Call call, int expected) throws Exception {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        AtomicLongArray perSecond = new AtomicLongArray(seconds + 1);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients, clientThreads());
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        int status = call.call(sequence.getAndIncrement()).statusCode();
                        long now = System.nanoTime();
                        if (now > end) {
                            break;
                        }
                        if (status == expected) {
                            ok.incrementAndGet();
                            perSecond.incrementAndGet((int) ((now - start) / 1_000_000_000L));
                        } else if (status == 503) {
                            busy.incrementAndGet();
                        } else {
                            other.incrementAndGet();
                        }
                    } catch (Exception e) {
                        other.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        lastCalls = sequence.get();
        List<Integer> counts = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            counts.add((int) perSecond.get(s));
        }
        return new Throughput(ok.get(), busy.get(), other.get(), ok.get() / (double) seconds, counts);
    }

    /** Calls at a fixed rate for {@link #seconds}, whatever the answers' delays (open loop); returns when all answered. */
    private void openLoop(double rate, int count, Call call) throws Exception {
        openLoop(rate, count, seconds, call);
    }

    private void openLoop(double rate, int count, int seconds, Call call) throws Exception {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ExecutorService callers = Executors.newCachedThreadPool();
        Semaphore inFlight = new Semaphore(400);
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger next = new AtomicInteger();
        long periodNanos = (long) (1e9 / rate);
        ticker.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                return;
            }
            if (!inFlight.tryAcquire()) {
                done.countDown();
                return;
            }
            callers.submit(() -> {
                try {
                    call.call(i);
                } catch (Exception e) {
                    // counted as missing by the caller
                } finally {
                    inFlight.release();
                    done.countDown();
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        done.await(seconds + 120L, TimeUnit.SECONDS);
        ticker.shutdownNow();
        callers.shutdown();
    }

    // ---------------------------------------------------------------- latency

    /** One load step: its report row, and the latencies (s) from 202 to e-mail and from 202 to review. */
    private record Latency(String row, List<Double> mail, List<Double> review) {
    }

    private void charts(Throughput intake, Throughput signIns, List<Double> loads, List<Latency> latencies) {
        try {
            List<Double> secondsAxis = new ArrayList<>();
            for (int s = 0; s < intake.perSecondCounts().size(); s++) {
                secondsAxis.add((double) s + 1);
            }
            Charts.lines(OUTPUT.resolve("benchmark-throughput.png"), "Throughput over time (closed loop, " + clients + " clients)",
                    "second of the phase", "answers/s", List.of(
                            new Charts.Series("registrations accepted", secondsAxis,
                                    intake.perSecondCounts().stream().map(Integer::doubleValue).toList()),
                            new Charts.Series("sign-ins (rounds end to end)", axis(signIns.perSecondCounts().size()),
                                    signIns.perSecondCounts().stream().map(Integer::doubleValue).toList())));
            if (keycloakSignIns != null) {
                // drawn on its own chart, so the two sign-in lines are not mistaken for the intake's
                Charts.lines(OUTPUT.resolve("benchmark-signins.png"), "Sign-ins per second, interleaved rounds end to end",
                        "second of the rounds", "sign-ins/s", List.of(
                                new Charts.Series("this platform", axis(signIns.perSecondCounts().size()),
                                        signIns.perSecondCounts().stream().map(Integer::doubleValue).toList()),
                                new Charts.Series("Keycloak " + KeycloakPeer.VERSION, axis(keycloakSignIns.perSecondCounts().size()),
                                        keycloakSignIns.perSecondCounts().stream().map(Integer::doubleValue).toList())));
            }
            List<Charts.Series> series = new ArrayList<>();
            for (int p : new int[] {50, 95, 99}) {
                series.add(new Charts.Series("e-mail p" + p, loads,
                        latencies.stream().map(l -> Figures.percentile(l.mail(), p)).toList()));
            }
            for (int p : new int[] {99}) {
                series.add(new Charts.Series("review p" + p, loads,
                        latencies.stream().map(l -> Figures.percentile(l.review(), p)).toList()));
            }
            Charts.lines(OUTPUT.resolve("benchmark-latency.png"), "Latency percentiles against load", "% of the intake ceiling",
                    "seconds", series);
            report.line("");
            report.line("![throughput](benchmark-throughput.png) ![latency](benchmark-latency.png)"
                    + (keycloakSignIns != null ? " ![sign-ins](benchmark-signins.png)" : ""));
        } catch (Exception e) {
            System.err.println("Charts not drawn: " + e);
        }
    }

    private static List<Double> axis(int length) {
        List<Double> axis = new ArrayList<>();
        for (int s = 1; s <= length; s++) {
            axis.add((double) s);
        }
        return axis;
    }

    private Latency latencyAt(double load, double rate) throws Exception {
        if (rate < 0.5) {
            return new Latency(String.format(Locale.ROOT, "| %d %% | %.1f | – | – | – | – | – |", Math.round(load * 100), rate),
                    List.of(), List.of());
        }
        int count = (int) Math.round(rate * seconds);
        String tag = "load" + Math.round(load * 100);
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        Map<String, Integer> identities = new ConcurrentHashMap<>();
        long windowStart = System.currentTimeMillis();
        openLoop(rate, count, i -> {
            String email = email(tag, i);
            int identity = nextIdentity.getAndIncrement();
            identities.put(email, identity);
            HttpResponse<String> answer = post("/api/v1/registrations",
                    registrationBody(email, BenchmarkDirectory.lastName(identity)));
            if (answer.statusCode() == 202) {
                accepted.put(email, System.currentTimeMillis());
            }
            return answer;
        });
        long windowEnd = System.currentTimeMillis();
        int lateAtEnd = accepted.size() - mailTimes(accepted.keySet()).size();
        long deadline = System.currentTimeMillis() + DRAIN_PATIENCE.toMillis();
        Map<String, Long> mails = mailTimes(accepted.keySet());
        while (mails.size() < accepted.size() && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            mails = mailTimes(accepted.keySet());
        }
        List<Double> mailLatencies = new ArrayList<>();
        List<double[]> byTime = new ArrayList<>();
        for (Map.Entry<String, Long> mail : mails.entrySet()) {
            long sent = accepted.get(mail.getKey());
            double latency = Math.max(0, mail.getValue() - sent) / 1000.0;
            mailLatencies.add(latency);
            byTime.add(new double[] {sent, latency});
        }
        byTime.sort((a, b) -> Double.compare(a[0], b[0]));
        int third = Math.max(1, byTime.size() / 3);
        List<Double> first = byTime.subList(0, Math.min(third, byTime.size())).stream().map(p -> p[1]).toList();
        List<Double> last = byTime.subList(Math.max(0, byTime.size() - third), byTime.size()).stream().map(p -> p[1]).toList();
        System.out.printf(Locale.ROOT, "[%s] %d registrations at %.1f/s in %.1f s: %d accepted, %d e-mails%n", tag, count, rate,
                (windowEnd - windowStart) / 1000.0, accepted.size(), mails.size());

        // Profiles of the same accounts, submitted at the same rate.
        List<String> emails = new ArrayList<>(accepted.keySet());
        Collections.shuffle(emails);
        List<String[]> signedIn = new ArrayList<>();
        for (String email : emails) {
            // each account has its own directory identity: one live account per RPPS
            String rpps = BenchmarkDirectory.rpps(identities.get(email));
            signedIn.add(new String[] {confirm(email).toString(), accessToken(email), JSON.writeValueAsString(nationalIdProfile(rpps))});
        }
        Map<String, Long> submitted = new ConcurrentHashMap<>();
        openLoop(rate, signedIn.size(), i -> {
            String[] account = signedIn.get(i);
            String profile = account[2];
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(registration + "/api/v1/me/professional-profile"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + account[1])
                    .PUT(HttpRequest.BodyPublishers.ofString(profile)));
            if (answer.statusCode() == 202) {
                submitted.put(account[0], System.currentTimeMillis());
            }
            return answer;
        });
        Map<String, Long> reviews = reviewTimes(submitted.keySet());
        deadline = System.currentTimeMillis() + DRAIN_PATIENCE.toMillis();
        while (reviews.size() < submitted.size() && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            reviews = reviewTimes(submitted.keySet());
        }
        List<Double> reviewLatencies = new ArrayList<>();
        for (Map.Entry<String, Long> review : reviews.entrySet()) {
            reviewLatencies.add(Math.max(0, review.getValue() - submitted.get(review.getKey())) / 1000.0);
        }
        System.out.printf(Locale.ROOT, "[%s] %d profiles submitted, %d reviews opened%n", tag, submitted.size(), reviews.size());
        return new Latency(String.format(Locale.ROOT, "| %d %% | %.1f | %s | %d | %.2f / %.2f | %s | %d of %d |",
                Math.round(load * 100), rate, Figures.percentiles(mailLatencies), lateAtEnd, Figures.percentile(first, 50), Figures.percentile(last, 50),
                Figures.percentiles(reviewLatencies), submitted.size() - reviews.size(), submitted.size()), mailLatencies, reviewLatencies);
    }

    /** How many e-mails GreenMail holds, and their size: heap that a growing count explains, not a leak of the services. */
    private String mailStore() {
        long bytes = 0;
        int count = 0;
        for (StoredMessage message : infrastructure.mail().getManagers().getImapHostManager().getAllMessages()) {
            try {
                bytes += Math.max(0, message.getMimeMessage().getSize());
                count++;
            } catch (Exception e) {
                // size unknown: not counted
            }
        }
        return String.format(Locale.ROOT, "%d e-mails, %.0f MiB of message content", count, bytes / 1048576.0);
    }

    /** When each of these addresses' first e-mail reached the SMTP server (epoch ms). */
    private Map<String, Long> mailTimes(java.util.Set<String> addresses) {
        Map<String, Long> times = new HashMap<>();
        for (StoredMessage message : infrastructure.mail().getManagers().getImapHostManager().getAllMessages()) {
            try {
                String to = message.getMimeMessage().getAllRecipients()[0].toString().toLowerCase(Locale.ROOT);
                if (addresses.contains(to)) {
                    times.merge(to, message.getReceivedDate().getTime(), Math::min);
                }
            } catch (Exception e) {
                // not one of ours
            }
        }
        return times;
    }

    private Map<String, Long> reviewTimes(java.util.Set<String> accountIds) {
        Map<String, Long> times = new HashMap<>();
        if (accountIds.isEmpty()) {
            return times;
        }
        backofficeDb.sql("SELECT account_id, opened_at FROM review WHERE account_id = ANY (:ids::uuid[])")
                .param("ids", "{" + String.join(",", accountIds) + "}")
                .query((rs, n) -> times.put(rs.getString(1), rs.getTimestamp(2).getTime())).list();
        return times;
    }

    private double awaitMails(String recipientPrefix, int expectedAtLeast) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + DRAIN_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            long intakeMails = infrastructure.mail().getManagers().getImapHostManager().getAllMessages().stream()
                    .filter(m -> {
                        try {
                            return m.getMimeMessage().getAllRecipients()[0].toString().startsWith(recipientPrefix);
                        } catch (Exception e) {
                            return false;
                        }
                    }).count();
            if (intakeMails >= expectedAtLeast) {
                break;
            }
            Thread.sleep(250);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    // ---------------------------------------------------------------- the platform's API

    private final String runId = UUID.randomUUID().toString().substring(0, 6);
    /** The next unused identity of {@link BenchmarkDirectory}. */
    private final AtomicInteger nextIdentity = new AtomicInteger();

    private String email(String tag, int i) {
        return tag + "." + runId + "." + i + "@example.org";
    }

    private static String registrationBody(String email) {
        return registrationBody(email, "DURAND");
    }

    private static String registrationBody(String email, String lastName) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("lastName", lastName);
        fields.put("firstName", "Jean");
        fields.put("email", email);
        fields.put("password", PASSWORD);
        fields.put("passwordConfirmation", PASSWORD);
        fields.put("region", "76");
        return JSON.writeValueAsString(fields);
    }

    /** Confirms the address with a token the benchmark knows (the real one travels sealed to the e-mail). */
    private UUID confirm(String email) throws Exception {
        String token = SecretTokens.newToken();
        registrationDb.sql("UPDATE account SET confirmation_token_hash = :hash WHERE email = :email")
                .param("hash", SecretTokens.hash(token)).param("email", email).update();
        check(post("/api/v1/email-confirmations", JSON.writeValueAsString(Map.of("token", token))), 200);
        return registrationDb.sql("SELECT id FROM account WHERE email = :email").param("email", email).query(UUID.class).single();
    }

    /**
     * An access token stored as sign-in would store it: the latency phases measure the event pipeline, so they do
     * not pay one more password hash per account (the sign-in rate is measured on its own).
     */
    private String accessToken(String email) {
        String token = SecretTokens.newToken();
        registrationDb.sql("INSERT INTO access_token (token_hash, account_id, issued_at, expires_at)"
                        + " SELECT :hash, id, now(), now() + interval '8 hours' FROM account WHERE email = :email")
                .param("hash", SecretTokens.hash(token)).param("email", email).update();
        return token;
    }

    private static Map<String, Object> nationalIdProfile(String rpps) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line", "10 rue des Trente-six Ponts");
        address.put("postalCode", "31400");
        address.put("city", "Toulouse");
        address.put("region", "76");
        address.put("department", "31");
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("path", "NATIONAL_ID");
        profile.put("identifierType", "RPPS");
        profile.put("identifier", rpps);
        profile.put("profession", "10");
        profile.put("specialty", "SM54");
        profile.put("liberal", true);
        profile.put("phone", "05 61 00 00 00");
        profile.put("secondPhone", null);
        profile.put("address", address);
        profile.put("organisationName", "Cabinet médical");
        profile.put("serviceName", null);
        return profile;
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(registration + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void check(HttpResponse<String> answer, int expected) {
        if (answer.statusCode() != expected) {
            throw new IllegalStateException("Expected " + expected + ", got " + answer.statusCode() + ": " + answer.body());
        }
    }
}
