package fr.esante.medimail.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent by the whole stack over a window, split by who spent it, so that a cost per operation can be read
 * whatever else runs on the machine (a loaded machine stretches the wall clock, not the CPU an operation takes).
 *
 * <p>Sources: each live Java thread's CPU time (ThreadMXBean, which counts native code such as libargon2), grouped by
 * its name with digits folded ({@code http-nio-8081-exec-3} becomes the requests of the service on that port); the
 * JVM's total from {@code /proc/self/stat}, whose excess over the Java threads is the JVM's own threads (GC, JIT
 * compilers) and threads that ended in the window; and the embedded PostgreSQL server, its postmaster
 * found as the parent of a backend, and every process it forked (backends, WAL writer, checkpointer), from
 * {@code /proc/<pid>/stat}.
 */
final class CpuAccount {

    private static final double TICK_MS = 10.0; // USER_HZ is 100 on Linux
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Integer, String> servicesByPort;
    private final int postmasterPid;

    CpuAccount(Map<Integer, String> servicesByPort, int postmasterPid) {
        this.servicesByPort = servicesByPort;
        this.postmasterPid = postmasterPid;
        threads.setThreadCpuTimeEnabled(true);
    }

    /** A reading at one instant. */
    record Snapshot(Map<Long, String> names, Map<Long, Long> javaThreadNanos, long jvmTicks, Map<Integer, Long> postgresTicks,
                    Map<Integer, JvmThread> jvmThreads, long wallNanos) {
    }

    /** One of the JVM's own threads (not a Java thread): which of its jobs it does, and its CPU ticks so far. */
    record JvmThread(String group, long ticks) {
    }

    static final String GC = "JVM: garbage collector (GC threads, G1's concurrent and refinement threads, VM thread)";
    static final String JIT = "JVM: JIT compilers (C1, C2)";
    static final String JVM_REST = "JVM: other own threads and threads ended meanwhile";

    Snapshot take() {
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> nanos = new HashMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                names.put(info.getThreadId(), info.getThreadName());
                nanos.put(info.getThreadId(), cpu);
            }
        }
        return new Snapshot(names, nanos, ticks(Path.of("/proc/self/stat")), postgresTicks(), jvmThreads(), System.nanoTime());
    }

    /** CPU milliseconds per group between two snapshots, divided by {@code operations}; largest first. */
    Result between(Snapshot before, Snapshot after, int operations) {
        Map<String, Double> groups = new HashMap<>();
        double javaMs = 0;
        for (var entry : after.javaThreadNanos().entrySet()) {
            long start = before.javaThreadNanos().getOrDefault(entry.getKey(), 0L);
            double ms = (entry.getValue() - start) / 1e6;
            javaMs += ms;
            groups.merge(group(after.names().get(entry.getKey())), ms, Double::sum);
        }
        double jvmMs = (after.jvmTicks() - before.jvmTicks()) * TICK_MS;
        // The JVM's own share split by job, so that a GC setting and a longer warm-up can each be judged on its own.
        double splitMs = 0;
        for (var entry : after.jvmThreads().entrySet()) {
            JvmThread earlier = before.jvmThreads().get(entry.getKey());
            double ms = (entry.getValue().ticks() - (earlier == null ? 0 : earlier.ticks())) * TICK_MS;
            splitMs += ms;
            groups.merge(entry.getValue().group(), ms, Double::sum);
        }
        groups.put(JVM_REST, Math.max(0, jvmMs - javaMs - splitMs));
        double postgresMs = 0;
        for (var entry : after.postgresTicks().entrySet()) {
            postgresMs += (entry.getValue() - before.postgresTicks().getOrDefault(entry.getKey(), 0L)) * TICK_MS;
        }
        groups.put("PostgreSQL server (all its processes)", postgresMs);
        Map<String, Double> perOperation = new LinkedHashMap<>();
        groups.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> perOperation.put(e.getKey(), e.getValue() / operations));
        return new Result(perOperation, (jvmMs + postgresMs) / operations, (after.wallNanos() - before.wallNanos()) / 1e9,
                operations);
    }

    record Result(Map<String, Double> msPerOperation, double totalMsPerOperation, double seconds, int operations) {

        double ms(String group) {
            return msPerOperation.getOrDefault(group, 0.0);
        }

        /** Markdown lines: the groups above 0.2 ms per operation, the rest summed. */
        List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "| **all** | **%.1f** |", totalMsPerOperation));
            double rest = 0;
            for (var entry : msPerOperation.entrySet()) {
                if (entry.getValue() >= 0.2) {
                    lines.add(String.format(Locale.ROOT, "| %s | %.1f |", entry.getKey(), entry.getValue()));
                } else {
                    rest += entry.getValue();
                }
            }
            lines.add(String.format(Locale.ROOT, "| other threads (each < 0.2 ms) | %.1f |", rest));
            return lines;
        }
    }

    private String group(String name) {
        if (name == null) {
            return "?";
        }
        var http = java.util.regex.Pattern.compile("^https?-nio-(\\d+)-").matcher(name);
        if (http.find()) {
            String service = servicesByPort.get(Integer.parseInt(http.group(1)));
            return "requests of " + (service == null ? "port " + http.group(1) : service);
        }
        var consumer = java.util.regex.Pattern.compile("consumerDestinationName='medimail\\.([a-z-]+)\\.v\\d+'.*dlqName='error\\.[^']*\\.([a-z-]+)'")
                .matcher(name);
        if (consumer.find()) {
            return "consumer of " + consumer.group(1) + " (" + consumer.group(2) + ")";
        }
        if (name.startsWith("HttpClient-") || name.startsWith("bench-client-")) {
            return "benchmark's own HTTP clients";
        }
        return name.replaceAll("\\d+", "#");
    }

    /**
     * The JVM's garbage-collection and JIT threads, recognised by the names HotSpot gives them (Java threads have
     * other names and are counted through ThreadMXBean). The VM thread runs the stop-the-world pauses of every collector.
     */
    private static Map<Integer, JvmThread> jvmThreads() {
        Map<Integer, JvmThread> found = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException e) {
                    return; // ended since the listing
                }
                String group = name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre") ? JIT
                        : name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread") ? GC : null;
                if (group != null) {
                    found.put(Integer.parseInt(task.getFileName().toString()), new JvmThread(group, ticks(task.resolve("stat"))));
                }
            });
        } catch (IOException e) {
            // no /proc: the JVM's own threads stay one group
        }
        return found;
    }

    private Map<Integer, Long> postgresTicks() {
        Map<Integer, Long> ticks = new HashMap<>();
        int postmaster = postmasterPid;
        ticks.put(postmaster, ticks(Path.of("/proc", Integer.toString(postmaster), "stat")));
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                String[] stat = stat(p.resolve("stat"));
                if (stat != null && Integer.parseInt(stat[1]) == postmaster) {
                    ticks.put(Integer.parseInt(p.getFileName().toString()), Long.parseLong(stat[11]) + Long.parseLong(stat[12]));
                }
            });
        } catch (IOException e) {
            // no /proc: PostgreSQL left out
        }
        return ticks;
    }

    /** The postmaster is the parent of any backend: found from the pid of one connection's backend. */
    static int parentOf(int pid) {
        String[] fields = stat(Path.of("/proc", Integer.toString(pid), "stat"));
        if (fields == null) {
            throw new IllegalStateException("No process " + pid);
        }
        return Integer.parseInt(fields[1]);
    }

    private static long ticks(Path stat) {
        String[] fields = stat(stat);
        return fields == null ? 0 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The fields of a stat file after the command name (which may hold spaces): [0] is the state, [1] the parent. */
    private static String[] stat(Path stat) {
        try {
            String text = Files.readString(stat);
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
