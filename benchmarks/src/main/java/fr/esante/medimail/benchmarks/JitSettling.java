package fr.esante.medimail.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    record Outcome(double seconds, List<Double> shares, boolean settled) {

        int rounds() {
            return shares.size();
        }

        double lastShare() {
            return shares.isEmpty() ? Double.NaN : shares.get(shares.size() - 1);
        }

        /** The compilers' share of a core round after round, in percent: how fast the JIT settles on this machine. */
        String curve() {
            return shares.stream().map(share -> String.format(Locale.ROOT, "%.0f", 100 * share)).toList().toString();
        }
    }

    private JitSettling() {
    }

    static Outcome settle(CpuAccount cpu, int maxSeconds, double quietShare, Round round) throws Exception {
        long start = System.nanoTime();
        List<Double> shares = new ArrayList<>();
        while ((System.nanoTime() - start) / 1e9 < maxSeconds) {
            CpuAccount.Snapshot before = cpu.take();
            round.run(shares.size());
            CpuAccount.Result spent = cpu.between(before, cpu.take(), 1);
            double share = spent.ms(CpuAccount.JIT) / (spent.seconds() * 1000);
            shares.add(share);
            System.out.printf(Locale.ROOT, "Warm-up round %d: JIT compilers at %.0f %% of a core%n", shares.size(), 100 * share);
            if (share < quietShare) {
                return new Outcome((System.nanoTime() - start) / 1e9, shares, true);
            }
        }
        return new Outcome((System.nanoTime() - start) / 1e9, shares, false);
    }
}
