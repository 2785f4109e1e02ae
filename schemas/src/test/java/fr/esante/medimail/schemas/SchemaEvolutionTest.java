package fr.esante.medimail.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import fr.esante.medimail.events.AccountRejected;

/**
 * Build-time guard: every version of every contract ever committed must stay readable by the current one
 * (reader = current, writer = old), or records already on a topic, or produced by a service not yet
 * redeployed, become unreadable. Skips itself where there is no git or no history (e.g. a source tarball).
 */
class SchemaEvolutionTest {

    @TestFactory
    Stream<DynamicTest> everyCommittedVersionOfEverySchemaIsReadableByTheCurrentOne() {
        Path avroDir = SchemaFiles.avroDirectory();
        Optional<Path> top = Git.topLevel(avroDir);
        if (top.isEmpty()) {
            return skipped("git or the repository is not available: schema history not checked");
        }
        Path repo = top.get();
        List<Path> tracked = Git.trackedFiles(repo, avroDir);
        if (tracked.isEmpty()) {
            return skipped("no schema is committed yet: no history to check");
        }

        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : SchemaFiles.all()) {
            String path = Git.pathInRepository(repo, file);
            List<String> commits = Git.commitsTouching(repo, path);
            if (tracked.contains(file)) {
                // A tracked file without commits means the git call is wrong: the guard would pass silently.
                assertThat(commits).as("commits of the tracked file %s", path).isNotEmpty();
            }
            Schema current = SchemaFiles.parse(file);
            for (String commit : commits) {
                tests.add(DynamicTest.dynamicTest(file.getFileName() + " @ " + commit.substring(0, 10), () -> {
                    Optional<String> old = Git.show(repo, commit, path);
                    if (old.isEmpty()) {
                        return; // the commit deleted the file
                    }
                    assertCurrentReadsOld(path, commit, current, old.get());
                }));
            }
        }
        return tests.stream();
    }

    /** A visible skip: surefire does not report a test factory aborted by an assumption at all. */
    private static Stream<DynamicTest> skipped(String reason) {
        return Stream.of(DynamicTest.dynamicTest("schema history", () -> Assumptions.abort(reason)));
    }

    @Test
    void theGuardCatchesANewFieldWithoutDefault() {
        Schema old = AccountRejected.getClassSchema();
        Schema current = withField(old, new Schema.Field("reviewerEmail", Schema.create(Schema.Type.STRING), null, (Object) null));

        assertThatThrownBy(() -> assertCurrentReadsOld("schemas/src/main/avro/AccountRejected.avsc", "0123456789abcdef", current, old.toString(true)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("schemas/src/main/avro/AccountRejected.avsc")
                .hasMessageContaining("0123456789abcdef")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
                .hasMessageContaining("reviewerEmail");
    }

    @Test
    void theGuardCatchesAChangedFieldType() {
        Schema old = AccountRejected.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : old.getFields()) {
            fields.add(f.name().equals("reason")
                    ? new Schema.Field(f.name(), Schema.create(Schema.Type.INT), f.doc(), (Object) null)
                    : new Schema.Field(f, f.schema()));
        }
        Schema current = Schema.createRecord(old.getName(), old.getDoc(), old.getNamespace(), false, fields);

        assertThatThrownBy(() -> assertCurrentReadsOld("AccountRejected.avsc", "fedcba9876543210", current, old.toString()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TYPE_MISMATCH")
                .hasMessageContaining("/fields/5/type");
    }

    @Test
    void theGuardLetsACompatibleChangeThrough() {
        Schema old = AccountRejected.getClassSchema();
        Schema current = withField(old, new Schema.Field("reviewerEmail",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)), null,
                Schema.Field.NULL_DEFAULT_VALUE));

        assertCurrentReadsOld("AccountRejected.avsc", "0123456789abcdef", current, old.toString());
    }

    /** The check itself: reader = the current schema, writer = a committed one. */
    static void assertCurrentReadsOld(String path, String commit, Schema current, String oldText) {
        Schema old;
        try {
            old = new Schema.Parser().parse(oldText);
        } catch (RuntimeException e) {
            fail(path + " as committed in " + commit + " is not a valid Avro schema: " + e.getMessage());
            return;
        }
        SchemaCompatibilityResult result = SchemaCompatibility.checkReaderWriterCompatibility(current, old).getResult();
        if (result.getCompatibility() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            String why = result.getIncompatibilities().stream()
                    .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                    .collect(Collectors.joining("; "));
            fail(path + ": the version committed in " + commit + " cannot be read by the current schema, so records "
                    + "written with it would become unreadable (" + why + "). Give new fields a default, keep types "
                    + "promotable, or publish a new topic version instead.");
        }
    }

    private static Schema withField(Schema schema, Schema.Field extra) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        fields.add(extra);
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    /** The few git commands the guard needs, run from the repository's top level. */
    static final class Git {

        static Optional<Path> topLevel(Path inside) {
            return run(inside, "rev-parse", "--show-toplevel").map(out -> Path.of(out.strip()).toAbsolutePath().normalize());
        }

        static String pathInRepository(Path repo, Path file) {
            try {
                return repo.toRealPath().relativize(file.toRealPath()).toString().replace('\\', '/');
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static List<Path> trackedFiles(Path repo, Path dir) {
            return run(repo, "ls-files", "--", pathInRepository(repo, dir))
                    .map(out -> out.lines().filter(l -> !l.isBlank()).map(l -> toReal(repo.resolve(l))).toList())
                    .orElse(List.of());
        }

        static List<String> commitsTouching(Path repo, String path) {
            String out = run(repo, "log", "--format=%H", "--", path)
                    .orElseThrow(() -> new IllegalStateException("git log failed for " + path));
            return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }

        static Optional<String> show(Path repo, String commit, String path) {
            return run(repo, "show", commit + ":" + path);
        }

        private static Path toReal(Path p) {
            try {
                return p.toRealPath();
            } catch (IOException e) {
                return p.toAbsolutePath().normalize();
            }
        }

        /** The command's standard output, or empty when git is missing or the command fails. */
        private static Optional<String> run(Path dir, String... args) {
            List<String> command = new ArrayList<>();
            command.add("git");
            command.addAll(Arrays.asList(args));
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                process.getOutputStream().close();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (InputStream in = process.getInputStream()) {
                    in.transferTo(out);
                }
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return Optional.empty();
                }
                return process.exitValue() == 0 ? Optional.of(out.toString(StandardCharsets.UTF_8)) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
