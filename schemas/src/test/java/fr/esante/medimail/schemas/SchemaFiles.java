package fr.esante.medimail.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;

/** The .avsc contracts of this module, as files. */
final class SchemaFiles {

    private SchemaFiles() {
    }

    /** src/main/avro of this module, wherever the build runs from. */
    static Path avroDirectory() {
        Path moduleDir = Path.of(System.getProperty("basedir", ""));
        Path dir = moduleDir.resolve("src/main/avro");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("schemas/src/main/avro");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Cannot find schemas/src/main/avro from " + Path.of("").toAbsolutePath());
        }
        return dir.toAbsolutePath().normalize();
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.list(avroDirectory())) {
            List<Path> avsc = files.filter(f -> f.getFileName().toString().endsWith(".avsc")).sorted().toList();
            if (avsc.isEmpty()) {
                throw new IllegalStateException("No .avsc file in " + avroDirectory());
            }
            return avsc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
