package fr.esante.medimail.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.esante.medimail.testsupport.TestHttpClient;

/**
 * The five services, each in a JVM of its own (the test classpath, the service's own main class), so that one can be
 * killed with SIGKILL while the others run. A watchdog restarts any service whose process died, whether the suite
 * killed it or it halted itself (the outbox fault hook), and records how long it took to answer health again.
 */
final class ServiceProcesses implements AutoCloseable {

    record ServiceSpec(String name, String mainClass, Map<String, String> properties) {
    }

    /** One death and recovery: which service, why, and the time from death to health {@code UP}. */
    record Recovery(String service, String cause, Duration downFor) {
    }

    /** A Spring Boot service starts in about 20 s alone on 2 cores, but far slower on a machine busy with other builds. */
    static final Duration START_PATIENCE = Duration.ofMinutes(Long.getLong("faults.start-patience-minutes", 12));

    private final Path logDirectory;
    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    private final Map<String, String> pendingCause = new ConcurrentHashMap<>();
    private final Map<String, Integer> starts = new ConcurrentHashMap<>();
    /** Fault hooks not fired yet, per service: given again at each restart until the service halted itself once. */
    private final Map<String, List<String>> hooks = new ConcurrentHashMap<>();
    private final Map<String, Integer> haltedThemselves = new ConcurrentHashMap<>();
    private final List<Recovery> recoveries = new CopyOnWriteArrayList<>();
    private final TestHttpClient http = TestHttpClient.absoluteUrls().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3));
    private final Thread watchdog;
    private volatile boolean closing;

    ServiceProcesses(Path logDirectory) {
        this.logDirectory = logDirectory;
        this.watchdog = new Thread(this::watch, "service-watchdog");
        watchdog.setDaemon(true);
    }

    /**
     * Starts every service; {@code hooksUntilFired} are JVM options (outbox fault hooks) given at each start until the
     * service halted itself once, so that a SIGKILL from the suite before the hook's moment does not cancel it.
     */
    void startAll(List<ServiceSpec> services, Map<String, List<String>> hooksUntilFired) {
        hooks.putAll(hooksUntilFired);
        for (ServiceSpec spec : services) {
            specs.put(spec.name(), spec);
            processes.put(spec.name(), launch(spec, hooks.getOrDefault(spec.name(), List.of())));
        }
        // Watching from the start: a hook may fire before every service answered health.
        watchdog.start();
        for (ServiceSpec spec : services) {
            awaitHealthy(spec.name(), START_PATIENCE);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, as a crashed machine or an OOM killer would leave it. */
    void kill(String service) {
        pendingCause.put(service, "SIGKILL");
        Process process = processes.get(service);
        process.destroyForcibly();
    }

    /** How many times each service halted itself (its fault hook fired), as the watchdog saw it. */
    Map<String, Integer> haltedThemselves() {
        return Map.copyOf(haltedThemselves);
    }

    List<Recovery> recoveries() {
        return recoveries;
    }

    /** The services in the order they were started. */
    List<String> names() {
        return List.copyOf(specs.keySet());
    }

    int port(String service) {
        return Integer.parseInt(specs.get(service).properties().get("server.port"));
    }

    String baseUrl(String service) {
        return "http://localhost:" + port(service);
    }

    boolean allHealthy() {
        return specs.keySet().stream().allMatch(this::healthy);
    }

    private void watch() {
        Map<String, Long> diedAt = new ConcurrentHashMap<>();
        while (!closing) {
            for (ServiceSpec spec : specs.values()) {
                Process process = processes.get(spec.name());
                if (!process.isAlive() && !closing) {
                    long died = System.nanoTime();
                    String cause = pendingCause.remove(spec.name());
                    if (cause == null) {
                        cause = "halted itself (exit " + process.exitValue() + ")";
                        haltedThemselves.merge(spec.name(), 1, Integer::sum);
                        hooks.remove(spec.name());
                    }
                    processes.put(spec.name(), launch(spec, hooks.getOrDefault(spec.name(), List.of())));
                    String finalCause = cause;
                    Thread recovery = new Thread(() -> {
                        awaitHealthy(spec.name(), START_PATIENCE);
                        recoveries.add(new Recovery(spec.name(), finalCause, Duration.ofNanos(System.nanoTime() - died)));
                    }, "recovery-" + spec.name());
                    recovery.setDaemon(true);
                    recovery.start();
                    diedAt.put(spec.name(), died);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Process launch(ServiceSpec spec, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx320m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        // Fewer compiler and GC threads: five service JVMs share the machine with the broker and the database.
        command.add("-XX:ActiveProcessorCount=1");
        command.add("-Duser.timezone=UTC");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(spec.mainClass());
        spec.properties().forEach((key, value) -> command.add("--" + key + "=" + value));
        int start = starts.merge(spec.name(), 1, Integer::sum);
        File log = logDirectory.resolve(spec.name() + "-" + start + ".log").toFile();
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + spec.name(), e);
        }
    }

    /** Surefire runs the tests with the module's whole test classpath in this property. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    void awaitHealthy(String service, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (healthy(service)) {
                return;
            }
            Process process = processes.get(service);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (process != null && !process.isAlive() && !watchdog.isAlive()) {
                throw new IllegalStateException(service + " exited at start; see " + logDirectory);
            }
        }
        throw new IllegalStateException(service + " not healthy within " + atMost + "; see " + logDirectory);
    }

    boolean healthy(String service) {
        try {
            return http.get(baseUrl(service) + "/actuator/health", Map.of()).status() == 200;
        } catch (UncheckedIOException | IllegalStateException downOrInterrupted) {
            return false;
        }
    }

    @Override
    public void close() {
        closing = true;
        watchdog.interrupt();
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
