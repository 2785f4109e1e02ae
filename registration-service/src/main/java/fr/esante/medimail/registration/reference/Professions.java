package fr.esante.medimail.registration.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The active codes of the TRE_G15 health profession nomenclature (ANS) with their French labels. This service owns the
 * nomenclature: {@value #RESOURCE} is its only copy in the platform; the other services learn the labels from the
 * events ({@code ProfessionalProfileSubmitted.professionLabel}). Checked in the form, so that a typo is caught there
 * rather than days later by the address assignment.
 */
public final class Professions {

    static final String RESOURCE = "reference/tre-g15-professions.csv";

    /** Code to label, in the order of the nomenclature. */
    private static final Map<String, String> LABELS = load();

    private Professions() {
    }

    public static boolean isKnown(String code) {
        return code != null && LABELS.containsKey(code);
    }

    /**
     * Every code accepted in a profile (unmodifiable). mss-address-service must know a domain for each of them,
     * or a profile accepted here would be refused later with UNKNOWN_PROFESSION (end-to-end-tests checks it).
     */
    public static Set<String> activeCodes() {
        return LABELS.keySet();
    }

    /** Code to French label, in the order of the nomenclature (unmodifiable). */
    public static Map<String, String> labels() {
        return LABELS;
    }

    /** The French label of an active code, or null for any other code. */
    public static String label(String code) {
        return code == null ? null : LABELS.get(code);
    }

    private static Map<String, String> load() {
        InputStream in = Professions.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Missing reference list " + RESOURCE);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(";", -1))
                    .forEach(row -> labels.put(row[0].strip(), row[1].strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(labels);
    }
}
