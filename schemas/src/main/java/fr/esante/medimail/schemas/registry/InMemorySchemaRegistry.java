package fr.esante.medimail.schemas.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in memory, selected by {@code schema.registry.url=mock://<scope>}: every serde of the same
 * scope in the JVM shares one instance, as with Confluent's own mock registry. It enforces the same
 * default compatibility level as the real server (BACKWARD), so tests see the errors production would.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<Schema, Integer> idsBySchema = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new ConcurrentHashMap<>();
    private final Map<String, String> compatibilityBySubject = new ConcurrentHashMap<>();
    private int nextId = 1;
    private Path journal;

    public static InMemorySchemaRegistry forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
    }

    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    /**
     * Keeps the registrations of this registry in a file, so that schema ids survive a restart of an
     * embedded set-up whose Kafka log persists (the local stack): registrations found in the file are
     * replayed in their order, which gives them back their ids, and every new one is appended.
     * Must be called before anything is registered.
     */
    public synchronized void journalTo(Path file) {
        if (!schemasById.isEmpty()) {
            throw new IllegalStateException("The journal must be attached before the first registration");
        }
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        register(line.substring(0, tab), new Schema.Parser().parse(line.substring(tab + 1)));
                    }
                }
            } else {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the schema journal " + file, e);
        }
        this.journal = file;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        Integer existing = idsBySchema.get(schema);
        if (existing != null && versions.contains(existing)) {
            return existing;
        }
        if (!versions.isEmpty() && !isCompatible(subject, schema)) {
            throw new SchemaRegistryException.IncompatibleSchema(
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject + "\"", 409);
        }
        int id = existing != null ? existing : nextId++;
        schemasById.put(id, schema);
        idsBySchema.put(schema, id);
        versions.add(id);
        if (journal != null) {
            try {
                Files.writeString(journal, subject + "\t" + schema + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot append to the schema journal " + journal, e);
            }
        }
        return id;
    }

    @Override
    public synchronized int lookUp(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException.NotFound("Subject '" + subject + "' not found.", 40401);
        }
        Integer id = idsBySchema.get(schema);
        if (id == null || !versions.contains(id)) {
            throw new SchemaRegistryException.NotFound("Schema not found", 40403);
        }
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException.NotFound("Schema " + id + " not found", 40403);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException.NotFound("Subject '" + subject + "' not found.", 40401);
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, id, versions.size(), schemasById.get(id));
    }

    @Override
    public synchronized boolean isCompatibleWithLatest(String subject, Schema schema) {
        return isCompatible(subject, schema);
    }

    @Override
    public void setCompatibility(String subject, String level) {
        compatibilityBySubject.put(subject, level);
    }

    private boolean isCompatible(String subject, Schema candidate) {
        List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (versions.isEmpty()) {
            return true;
        }
        String level = compatibilityBySubject.getOrDefault(subject, "BACKWARD");
        boolean transitive = level.endsWith("_TRANSITIVE");
        List<Integer> toCheck = transitive ? versions : List.of(versions.get(versions.size() - 1));
        for (int id : toCheck) {
            Schema previous = schemasById.get(id);
            boolean backward = canRead(candidate, previous);
            boolean forward = canRead(previous, candidate);
            boolean ok = switch (level.replace("_TRANSITIVE", "")) {
                case "NONE" -> true;
                case "FORWARD" -> forward;
                case "FULL" -> backward && forward;
                default -> backward;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean canRead(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }
}
