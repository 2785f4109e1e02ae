package fr.esante.medimail.identity.directory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** A directory extraction file that can be read more than once (encoding detection reads its start first). */
public interface ExtractionSource {

    /** For logs and the import record: a path or a classpath location. */
    String name();

    InputStream open() throws IOException;

    /** -1 when unknown. */
    long size();

    /** Null when unknown. */
    Instant lastModified();

    static ExtractionSource of(Path path) {
        return new ExtractionSource() {
            @Override
            public String name() {
                return path.toAbsolutePath().toString();
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(path);
            }

            @Override
            public long size() {
                try {
                    return Files.size(path);
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override
            public Instant lastModified() {
                try {
                    return Files.getLastModifiedTime(path).toInstant();
                } catch (IOException e) {
                    return null;
                }
            }
        };
    }

    /** A file shipped inside the application (the sample directory). */
    static ExtractionSource ofClasspath(String location) {
        String resource = location.startsWith("/") ? location.substring(1) : location;
        return new ExtractionSource() {
            @Override
            public String name() {
                return "classpath:" + resource;
            }

            @Override
            public InputStream open() throws IOException {
                InputStream in = ExtractionSource.class.getClassLoader().getResourceAsStream(resource);
                if (in == null) {
                    throw new IOException("No such classpath resource: " + resource);
                }
                return in;
            }

            @Override
            public long size() {
                return -1;
            }

            @Override
            public Instant lastModified() {
                return null;
            }
        };
    }
}
