package fr.esante.medimail.identity.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.esante.medimail.identity.directory.StructureDirectory.StructureAnswer;
import fr.esante.medimail.identity.directory.persistence.ImportedDirectory;
import fr.esante.medimail.identity.directory.persistence.PostgresDirectoryStore;
import fr.esante.medimail.identity.identifiers.IdentifierType;
import fr.esante.medimail.testsupport.TestDatabases;

/** Imports into a real PostgreSQL (embedded), one fresh database per test so each starts with no directory. */
class DirectoryImportIT {

    private static final ExtractionSource SAMPLE = ExtractionSource.ofClasspath("directory/PS_LibreAcces_Personne_activite_sample.txt");

    private TestDatabases.Fresh database;
    private PostgresDirectoryStore store;
    private ImportedDirectory directory;
    private DirectoryImportService imports;
    private JdbcClient jdbc;

    @TempDir
    Path files;

    @BeforeAll
    static void startPostgres() {
        fr.esante.medimail.embedded.EmbeddedInfrastructure.shared();
    }

    @BeforeEach
    void freshDatabase() {
        database = TestDatabases.fresh("ivs_import", "identity-verification-service");
        store = new PostgresDirectoryStore(database.dataSource(), "64MB");
        jdbc = JdbcClient.create(database.dataSource());
        directory = new ImportedDirectory(jdbc);
        imports = new DirectoryImportService(store, ImportPolicy.defaults(), Clock.systemUTC(), Runnable::run);
    }

    @org.junit.jupiter.api.AfterEach
    void closeDatabase() {
        database.close();
    }

    @AfterAll
    static void nothing() {
    }

    private DirectoryAnswer find(String rpps) {
        return directory.findProfessional(IdentifierType.RPPS, rpps);
    }

    @Test
    void before_any_import_the_directory_is_unavailable() {
        assertThat(find("99800000012")).isInstanceOf(DirectoryAnswer.Unavailable.class);
        assertThat(directory.findFiness("310000013")).isInstanceOf(StructureAnswer.Unavailable.class);
        assertThat(store.current()).isEmpty();
    }

    @Test
    void the_sample_file_becomes_the_directory() {
        ImportSummary summary = imports.importNow(SAMPLE, ImportTrigger.OPERATOR, false);

        assertThat(summary.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(summary.encoding()).isEqualTo("UTF-8");
        assertThat(summary.rowsRead()).isEqualTo(11);
        assertThat(summary.rowsImported()).isEqualTo(11);
        assertThat(summary.rowsRejected()).isZero();
        assertThat(summary.replacedImportId()).isNull();
        assertThat(store.current()).get().extracting(ImportSummary::id).isEqualTo(summary.id());

        DirectoryAnswer.Found durand = (DirectoryAnswer.Found) find("99800000012");
        assertThat(durand.importId()).isEqualTo(summary.id());
        assertThat(durand.source()).isEqualTo(DirectorySource.IMPORTED_DIRECTORY);
        Professional professional = durand.professional();
        assertThat(professional.lastName()).isEqualTo("DURAND");
        assertThat(professional.firstName()).isEqualTo("Jean");
        assertThat(professional.active()).isTrue();
        assertThat(professional.professionCodes()).containsExactly("10");
        assertThat(professional.activities()).singleElement().satisfies(activity -> {
            assertThat(activity.skillCode()).isEqualTo("SM54");
            assertThat(activity.practiceModeCode()).isEqualTo("L");
            assertThat(activity.postalCode()).isEqualTo("31400");
            assertThat(activity.city()).isEqualTo("Toulouse");
        });
        assertThat(((DirectoryAnswer.Found) find("99800000087")).professional().lastName()).isEqualTo("ŒUVRAY");
        assertThat(((DirectoryAnswer.Found) find("99800000103")).professional().activities()).hasSize(2);
        assertThat(directory.findProfessional(IdentifierType.ADELI, "319100012")).isInstanceOf(DirectoryAnswer.Found.class);
        assertThat(find("99800000079")).isEqualTo(new DirectoryAnswer.NotFound(DirectorySource.IMPORTED_DIRECTORY, summary.id()));

        assertThat(directory.findFiness("310000013")).isInstanceOfSatisfying(StructureAnswer.Known.class, known -> {
            assertThat(known.structure().site()).isTrue();
            assertThat(known.structure().name()).isEqualTo("CENTRE HOSPITALIER FICTIF");
            assertThat(known.importId()).isEqualTo(summary.id());
        });
        assertThat(directory.findFiness("340000017")).isInstanceOf(StructureAnswer.Known.class);
        assertThat(directory.findFiness("310000005")).isInstanceOfSatisfying(StructureAnswer.Known.class,
                known -> assertThat(known.structure().site()).isFalse());
        assertThat(directory.findFiness("310000021")).isEqualTo(new StructureAnswer.Unknown(summary.id()));
    }

    @Test
    void a_windows_1252_file_is_detected_and_decoded() throws IOException {
        String content = sampleContent();
        Path file = files.resolve("cp1252.txt");
        Files.write(file, content.getBytes(EncodingDetector.WINDOWS_1252));

        ImportSummary summary = imports.importNow(ExtractionSource.of(file), ImportTrigger.OPERATOR, false);

        assertThat(summary.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(summary.encoding()).isEqualTo("windows-1252");
        assertThat(((DirectoryAnswer.Found) find("99800000095")).professional().lastName()).isEqualTo("BENOÎT");
        assertThat(((DirectoryAnswer.Found) find("99800000046")).professional().firstName()).isEqualTo("Élodie");
    }

    @Test
    void a_windows_1252_file_whose_first_megabyte_is_plain_ascii_is_read_again_as_windows_1252() throws IOException {
        ExtractionFileBuilder builder = new ExtractionFileBuilder();
        int rows = 0;
        while (builder.content().length() < EncodingDetector.SNIFFED_BYTES + 10_000) {
            for (int i = 0; i < 500; i++) {
                String body = String.format("9970%06d", rows++);
                builder.row(ExtractionFileBuilder.professional(body + fr.esante.medimail.identity.identifiers.Luhn.keyFor(body),
                        "MARTIN", "Paul", "10"));
            }
        }
        builder.row(ExtractionFileBuilder.professional("99800000095", "BENOÎT", "Anne-Sophie", "50"));
        Path file = builder.write(files.resolve("late-accents.txt"), EncodingDetector.WINDOWS_1252);

        ImportSummary summary = imports.importNow(ExtractionSource.of(file), ImportTrigger.OPERATOR, false);

        assertThat(summary.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(summary.encoding()).isEqualTo("windows-1252");
        assertThat(summary.rowsImported()).isEqualTo(rows + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM directory_activity").query(Long.class).single()).isEqualTo(rows + 1L);
        assertThat(((DirectoryAnswer.Found) find("99800000095")).professional().lastName()).isEqualTo("BENOÎT");
    }

    @Test
    void a_broken_row_is_counted_skipped_and_recorded_with_its_line() throws IOException {
        Path file = files.resolve("broken-row.txt");
        String content = sampleContent();
        int third = nthLineStart(content, 3);
        Files.writeString(file, content.substring(0, third) + "8|99800000111|DURAND|Jean\n" + content.substring(third));

        ImportSummary summary = imports.importNow(ExtractionSource.of(file), ImportTrigger.OPERATOR, false);

        assertThat(summary.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(summary.rowsRead()).isEqualTo(12);
        assertThat(summary.rowsImported()).isEqualTo(11);
        assertThat(summary.rowsRejected()).isEqualTo(1);
        assertThat(store.find(summary.id()).orElseThrow().rejections())
                .containsExactly(new RowRejection(3, "Expected 57 fields, found 4"));
        assertThat(find("99800000111")).isInstanceOf(DirectoryAnswer.NotFound.class);
    }

    @Test
    void a_second_import_replaces_the_first_entirely() throws IOException {
        ImportSummary first = imports.importNow(SAMPLE, ImportTrigger.STARTUP, false);
        Path file = new ExtractionFileBuilder()
                .row(ExtractionFileBuilder.professional("99800000012", "DURAND", "Jean-Pierre", "10"))
                .row(ExtractionFileBuilder.professional("99800000111", "NOUVEAU", "Nina", "60"))
                .write(files.resolve("next.txt"), StandardCharsets.UTF_8);

        ImportSummary second = imports.importNow(ExtractionSource.of(file), ImportTrigger.OPERATOR, true);

        assertThat(second.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(second.replacedImportId()).isEqualTo(first.id());
        assertThat(((DirectoryAnswer.Found) find("99800000012")).professional().firstName()).isEqualTo("Jean-Pierre");
        assertThat(find("99800000111")).isInstanceOf(DirectoryAnswer.Found.class);
        assertThat(find("99800000020")).isEqualTo(new DirectoryAnswer.NotFound(DirectorySource.IMPORTED_DIRECTORY, second.id()));
        assertThat(jdbc.sql("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'directory_activity%'").query(Long.class).single())
                .isEqualTo(1L);
        assertThat(store.recent(5)).extracting(ImportSummary::id).containsExactly(second.id(), first.id());
    }

    @Test
    void a_truncated_file_never_replaces_the_current_directory() throws IOException {
        ImportSummary first = imports.importNow(SAMPLE, ImportTrigger.STARTUP, false);
        String content = sampleContent();
        Path file = files.resolve("truncated.txt");
        Files.writeString(file, content.substring(0, content.length() - 200));

        ImportSummary truncated = imports.importNow(ExtractionSource.of(file), ImportTrigger.OPERATOR, true);

        assertThat(truncated.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(truncated.failure()).startsWith("TRUNCATED");
        assertUnchanged(first);
        assertThat(store.find(truncated.id()).orElseThrow().status()).isEqualTo(ImportStatus.FAILED);
    }

    @Test
    void a_file_cut_inside_a_character_never_replaces_the_current_directory() throws IOException {
        ImportSummary first = imports.importNow(SAMPLE, ImportTrigger.STARTUP, false);
        byte[] content = sampleContent().getBytes(StandardCharsets.UTF_8);
        int lastAccent = lastIndexOf(content, "Î".getBytes(StandardCharsets.UTF_8));
        Path file = files.resolve("cut.txt");
        Files.write(file, Arrays.copyOf(content, lastAccent + 1));

        ImportSummary cut = imports.importNow(ExtractionSource.of(file), ImportTrigger.OPERATOR, true);

        assertThat(cut.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(cut.failure()).startsWith("WRONG_ENCODING");
        assertUnchanged(first);
    }

    @Test
    void a_wrongly_encoded_file_never_replaces_the_current_directory() throws IOException {
        ImportSummary first = imports.importNow(SAMPLE, ImportTrigger.STARTUP, false);
        // UTF-8 at the start (so detected as such), Windows-1252 further on: a concatenation gone wrong.
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        mixed.write(sampleContent().getBytes(StandardCharsets.UTF_8));
        mixed.write(new ExtractionFileBuilder().row(ExtractionFileBuilder.professional("99800000111", "GÉRARD", "Zoé", "10"))
                .content().lines().skip(1).map(line -> line + "\n").reduce("", String::concat)
                .getBytes(EncodingDetector.WINDOWS_1252));
        Path file = files.resolve("mixed.txt");
        Files.write(file, mixed.toByteArray());

        ImportSummary wrong = imports.importNow(ExtractionSource.of(file), ImportTrigger.OPERATOR, true);

        assertThat(wrong.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(wrong.failure()).startsWith("WRONG_ENCODING");
        assertUnchanged(first);
    }

    @Test
    void a_file_that_is_not_an_extraction_never_replaces_the_current_directory() throws IOException {
        ImportSummary first = imports.importNow(SAMPLE, ImportTrigger.STARTUP, false);
        Path file = Files.writeString(files.resolve("other.csv"), "nom;prenom\nDURAND;Jean\n");

        ImportSummary other = imports.importNow(ExtractionSource.of(file), ImportTrigger.OPERATOR, true);

        assertThat(other.failure()).startsWith("NOT_AN_EXTRACTION_FILE");
        assertUnchanged(first);
        ImportSummary missing = imports.importNow(ExtractionSource.of(files.resolve("absent.txt")), ImportTrigger.OPERATOR, true);
        assertThat(missing.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(missing.failure()).startsWith("UNREADABLE");
        assertUnchanged(first);
    }

    @Test
    void a_file_much_smaller_than_the_current_directory_needs_an_operator_to_force_it() throws IOException {
        ImportSummary first = imports.importNow(SAMPLE, ImportTrigger.STARTUP, false);
        Path file = new ExtractionFileBuilder()
                .row(ExtractionFileBuilder.professional("99800000012", "DURAND", "Jean", "10"))
                .write(files.resolve("small.txt"), StandardCharsets.UTF_8);

        ImportSummary refused = imports.importNow(ExtractionSource.of(file), ImportTrigger.SCHEDULE, false);
        assertThat(refused.failure()).startsWith("TOO_SMALL");
        assertUnchanged(first);

        ImportSummary forced = imports.importNow(ExtractionSource.of(file), ImportTrigger.OPERATOR, true);
        assertThat(forced.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(store.current()).get().extracting(ImportSummary::id).isEqualTo(forced.id());
    }

    @Test
    void a_file_with_too_many_bad_rows_is_corrupt() throws IOException {
        imports = new DirectoryImportService(store, new ImportPolicy(0.01, 2, 0.5), Clock.systemUTC(), Runnable::run);
        ExtractionFileBuilder builder = new ExtractionFileBuilder()
                .row(ExtractionFileBuilder.professional("99800000012", "DURAND", "Jean", "10"));
        for (int i = 0; i < 3; i++) {
            builder.rawLine("garbage|line");
        }
        Path file = builder.write(files.resolve("corrupt.txt"), StandardCharsets.UTF_8);

        ImportSummary corrupt = imports.importNow(ExtractionSource.of(file), ImportTrigger.OPERATOR, true);

        assertThat(corrupt.failure()).startsWith("TOO_MANY_REJECTED_ROWS");
        assertThat(corrupt.rowsRejected()).isEqualTo(3);
        assertThat(store.find(corrupt.id()).orElseThrow().rejections()).hasSize(3);
        assertThat(store.current()).isEmpty();
    }

    @Test
    void readers_see_the_previous_directory_until_the_new_one_is_switched_in() throws IOException {
        ImportSummary first = imports.importNow(SAMPLE, ImportTrigger.STARTUP, false);
        long id = store.recordStart(ImportTrigger.OPERATOR, SAMPLE, java.time.Instant.now());
        try (DirectoryStore.LoadSession load = store.openLoad(id)) {
            load.add(new DirectoryRow(2, "899800000111", row("8", "99800000111", "NOUVEAU", "Nina", "60")));

            assertThat(find("99800000111")).isEqualTo(new DirectoryAnswer.NotFound(DirectorySource.IMPORTED_DIRECTORY, first.id()));
            assertThat(find("99800000012")).isInstanceOf(DirectoryAnswer.Found.class);
            assertThatThrownBy(() -> store.openLoad(id + 1)).isInstanceOf(ImportAlreadyRunningException.class);

            load.publish(new ImportSummary(id, ImportTrigger.OPERATOR, "test", ImportStatus.COMPLETED, "UTF-8", null, null,
                    1, 1, 0, java.util.List.of(), null, null));
        }
        assertThat(find("99800000111")).isInstanceOfSatisfying(DirectoryAnswer.Found.class,
                found -> assertThat(found.importId()).isEqualTo(id));
        assertThat(find("99800000012")).isEqualTo(new DirectoryAnswer.NotFound(DirectorySource.IMPORTED_DIRECTORY, id));
    }

    @Test
    void an_abandoned_load_leaves_nothing_behind() throws IOException {
        long id = store.recordStart(ImportTrigger.OPERATOR, SAMPLE, java.time.Instant.now());
        try (DirectoryStore.LoadSession load = store.openLoad(id)) {
            load.add(new DirectoryRow(2, "899800000111", row("8", "99800000111", "NOUVEAU", "Nina", "60")));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'directory_activity_load%'").query(Long.class).single())
                .isZero();
        assertThat(store.closeInterruptedImports(java.time.Instant.now())).isEqualTo(1);
        assertThat(store.find(id).orElseThrow().failure()).startsWith("INTERRUPTED");
        ImportSummary next = imports.importNow(SAMPLE, ImportTrigger.OPERATOR, false);
        assertThat(next.status()).isEqualTo(ImportStatus.COMPLETED);
    }

    @Test
    void values_with_copy_control_characters_are_stored_verbatim() throws IOException {
        Path file = new ExtractionFileBuilder()
                .row(ExtractionFileBuilder.professional("99800000012", "DU\\RAND\tX", "Je\u0000an", "10"))
                .write(files.resolve("controls.txt"), StandardCharsets.UTF_8);
        ImportSummary summary = imports.importNow(ExtractionSource.of(file), ImportTrigger.OPERATOR, false);
        assertThat(summary.status()).isEqualTo(ImportStatus.COMPLETED);
        Professional professional = ((DirectoryAnswer.Found) find("99800000012")).professional();
        assertThat(professional.lastName()).isEqualTo("DU\\RAND\tX");
        assertThat(professional.firstName()).isEqualTo("Jean");
    }

    private void assertUnchanged(ImportSummary current) {
        assertThat(store.current()).get().extracting(ImportSummary::id).isEqualTo(current.id());
        assertThat(find("99800000012")).isInstanceOfSatisfying(DirectoryAnswer.Found.class,
                found -> assertThat(found.importId()).isEqualTo(current.id()));
        assertThat(jdbc.sql("SELECT count(*) FROM directory_activity").query(Long.class).single()).isEqualTo(current.rowsImported());
    }

    private static String[] row(String type, String id, String lastName, String firstName, String profession) {
        String[] values = new String[ExtractionColumns.KEPT.size()];
        values[0] = type;
        values[1] = id;
        values[ExtractionColumns.KEPT.indexOf(ExtractionColumns.LAST_NAME)] = lastName;
        values[ExtractionColumns.KEPT.indexOf(ExtractionColumns.FIRST_NAME)] = firstName;
        values[ExtractionColumns.KEPT.indexOf(ExtractionColumns.PROFESSION_CODE)] = profession;
        return values;
    }

    private static String sampleContent() throws IOException {
        try (var in = SAMPLE.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int nthLineStart(String content, int line) {
        int index = 0;
        for (int i = 1; i < line; i++) {
            index = content.indexOf('\n', index) + 1;
        }
        return index;
    }

    private static int lastIndexOf(byte[] content, byte[] part) {
        for (int i = content.length - part.length; i >= 0; i--) {
            if (Arrays.equals(Arrays.copyOfRange(content, i, i + part.length), part)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    @SuppressWarnings("unused")
    private static Map<String, String> unused() {
        return Map.of();
    }
}
