package fr.esante.medimail.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory extraction the benchmark's identity-verification-service imports at start: the shipped fictional
 * sample plus {@link #SIZE} fictional doctors, one per account whose profile the benchmark submits. The service keeps
 * one live account per RPPS, so the profile -> review latency needs as many identities as profiles; each has its own
 * last name too, so that MSSanté addresses do not all collide on one name.
 */
final class BenchmarkDirectory {

    /** Enough for the two latency steps at an intake ceiling of ~150 registrations/s. */
    static final int SIZE = 6000;
    private static final String SAMPLE = "directory/PS_LibreAcces_Personne_activite_sample.txt";
    /** Fictional RPPS range of the benchmark (the shipped sample uses 998000…): 99802 + 5 digits + Luhn key. */
    private static final String RPPS_PREFIX = "99802";

    private BenchmarkDirectory() {
    }

    /** Writes the extraction to {@code file} and returns it. */
    static Path write(Path file) throws IOException {
        List<String> lines;
        try (InputStream in = BenchmarkDirectory.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is not on the class path");
            }
            lines = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")));
        }
        // The sample's first row is a liberal general practitioner in Toulouse: the profile the benchmark submits.
        String[] doctor = lines.get(1).split("\\|", -1);
        for (int i = 0; i < SIZE; i++) {
            String[] row = doctor.clone();
            row[1] = rpps(i);
            row[2] = "8" + rpps(i);
            row[7] = lastName(i);
            lines.add(String.join("|", row));
        }
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** The {@code i}-th fictional RPPS: 11 digits, the last one a valid Luhn key. */
    static String rpps(int i) {
        if (i < 0 || i >= SIZE) {
            throw new IllegalArgumentException("Only " + SIZE + " benchmark identities (asked for #" + i + ")");
        }
        String body = RPPS_PREFIX + String.format("%05d", i);
        return body + luhnKey(body);
    }

    /** The {@code i}-th identity's last name, e.g. {@code DURAND-BAC}: letters only, unique per identity. */
    static String lastName(int i) {
        StringBuilder letters = new StringBuilder();
        int n = i;
        for (int k = 0; k < 3; k++) {
            letters.insert(0, (char) ('A' + n % 26));
            n /= 26;
        }
        return "DURAND-" + letters;
    }

    private static char luhnKey(String body) {
        for (char key = '0'; key <= '9'; key++) {
            String candidate = body + key;
            int sum = 0;
            boolean doubled = false;
            for (int d = candidate.length() - 1; d >= 0; d--) {
                int digit = candidate.charAt(d) - '0';
                if (doubled) {
                    digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
                }
                sum += digit;
                doubled = !doubled;
            }
            if (sum % 10 == 0) {
                return key;
            }
        }
        throw new IllegalStateException("unreachable: one of ten keys completes a Luhn sum");
    }
}
