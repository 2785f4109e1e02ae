package fr.esante.medimail.registration.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import fr.esante.medimail.registration.RegistrationProperties;

/**
 * The lists the forms offer, so that nobody types a code: the active TRE_G15 professions with their TRE_R38 ordinal
 * specialties, and the INSEE regions with whether Medimail is the messaging chosen there. Read once from the CSV files in
 * {@code src/main/resources/reference/} (UTF-8, {@code ;}-separated, a header line).
 */
@Component
public class ReferenceLists {

    public record Specialty(String code, String label) {
    }

    public record Profession(String code, String label, List<Specialty> specialties) {
    }

    public record Region(String code, String label, boolean served) {
    }

    private final List<Profession> professions;
    private final List<Region> regions;

    public ReferenceLists(RegistrationProperties properties) {
        List<String[]> specialtyRows = read("reference/tre-r38-specialties.csv");
        List<Profession> loaded = new ArrayList<>();
        Professions.labels().forEach((code, label) -> {
            List<Specialty> specialties = specialtyRows.stream().filter(s -> s[2].equals(code))
                    .map(s -> new Specialty(s[0], s[1])).toList();
            loaded.add(new Profession(code, label, specialties));
        });
        this.professions = List.copyOf(loaded);
        Set<String> served = Set.copyOf(properties.servedRegions());
        this.regions = read("reference/insee-regions.csv").stream()
                .map(row -> new Region(row[0], row[1], served.contains(row[0]))).toList();
    }

    /** Active TRE_G15 professions in the order of the nomenclature, each with its specialties (often none). */
    public List<Profession> professions() {
        return professions;
    }

    /** INSEE regions in alphabetical order of their French names. */
    public List<Region> regions() {
        return regions;
    }

    private static List<String[]> read(String resource) {
        InputStream in = ReferenceLists.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing reference list " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(";", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
