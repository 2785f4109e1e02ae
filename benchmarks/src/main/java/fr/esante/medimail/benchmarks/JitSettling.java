package fr.esante.medimail.benchmarks;

/**
 * Extends the warm-up until the JIT compilers have caught up. Five Spring services, Kafka and the mail server in one
 * JVM are a lot of code for C2: after a fixed 20 s warm-up it was still compiling through the measured phases, and
 * its CPU (23 ms per registration, more than the hash) was charged to the registrations although a long-running
 * service pays it once. Rounds of the measured calls are repeated until the compiler threads use less than
 * {@code quietShare} of a core over a round, or until {@code maxSeconds}.
 */
final class JitSettling {

    /** One round of the calls the measured phases make; {@code round} numbers them so each can use fresh data. */
    interface Round {
        void run(int round) throws Exception;
    }

    /** How long it took, and the compilers' share of a core over the last round (what the measured phases inherit). */
    record Outcome(double seconds, int rounds, double lastShare, boolean settled) {
    }

    private JitSettling() {
    }

    static Outcome settle(CpuAccount cpu, int maxSeconds, double quietShare, Round round) throws Exception {
        long start = System.nanoTime();
        int rounds = 0;
        double share = Double.NaN;
        while ((System.nanoTime() - start) / 1e9 < maxSeconds) {
            CpuAccount.Snapshot before = cpu.take();
            round.run(rounds++);
            CpuAccount.Result spent = cpu.between(before, cpu.take(), 1);
            share = spent.ms(CpuAccount.JIT) / (spent.seconds() * 1000);
            System.out.printf(java.util.Locale.ROOT, "Warm-up round %d: JIT compilers at %.0f %% of a core%n", rounds, 100 * share);
            if (share < quietShare) {
                return new Outcome((System.nanoTime() - start) / 1e9, rounds, share, true);
            }
        }
        return new Outcome((System.nanoTime() - start) / 1e9, rounds, share, false);
    }
}
