package fr.esante.medimail.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Heap and resident memory, sampled every second while the load runs. */
final class MemorySampler {
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "memory-sampler");
        thread.setDaemon(true);
        return thread;
    });
    final AtomicLong maxHeapMiB = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> everyFive = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ticks = new AtomicInteger();

    void start() {
        sampler.scheduleAtFixedRate(() -> {
            long used = heapUsedMiB();
            maxHeapMiB.accumulateAndGet(used, Math::max);
            if (ticks.getAndIncrement() % 5 == 0) {
                everyFive.add(used);
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    void stop() {
        sampler.shutdownNow();
    }

    String samples() {
        return everyFive.toString();
    }

    static long heapUsedMiB() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    /** The old generation's occupancy right after the last collection (what stays): grows if something leaks. */
    static long oldGenAfterGcMiB() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))
                    && pool.getCollectionUsage() != null) {
                return pool.getCollectionUsage().getUsed() >> 20;
            }
        }
        return -1;
    }

    static long rssMiB() {
        return procStatus("VmRSS:");
    }

    static long peakRssMiB() {
        return procStatus("VmHWM:");
    }

    private static long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }
}
