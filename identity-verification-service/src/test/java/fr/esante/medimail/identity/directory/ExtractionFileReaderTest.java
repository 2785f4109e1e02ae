package fr.esante.medimail.identity.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.identity.identifiers.IdentifierRules;
import fr.esante.medimail.identity.identifiers.IdentifierType;

class ExtractionFileReaderTest {

    private record Read(ExtractionFileReader.Result result, List<DirectoryRow> rows) {
    }

    private static ExtractionSource bytes(byte[] content) {
        return new ExtractionSource() {
            public String name() {
                return "memory";
            }

            public InputStream open() {
                return new ByteArrayInputStream(content);
            }

            public long size() {
                return content.length;
            }

            public Instant lastModified() {
                return null;
            }
        };
    }

    private static Read read(String content, Charset charset) throws Exception {
        return read(content.getBytes(charset), charset);
    }

    private static Read read(byte[] content, Charset charset) throws Exception {
        List<DirectoryRow> rows = new ArrayList<>();
        ExtractionFileReader.Result result = ExtractionFileReader.read(bytes(content), charset,
                row -> rows.add(new DirectoryRow(row.lineNumber(), row.nationalId(), row.values().clone())), n -> { });
        return new Read(result, rows);
    }

    private static String value(DirectoryRow row, String column) {
        return row.values()[ExtractionColumns.KEPT.indexOf(column)];
    }

    @Test
    void the_shipped_sample_has_every_test_identity_with_valid_keys() throws Exception {
        byte[] sample;
        try (InputStream in = ExtractionSource.ofClasspath("directory/PS_LibreAcces_Personne_activite_sample.txt").open()) {
            sample = in.readAllBytes();
        }
        assertThat(EncodingDetector.detect(sample, true).charset()).isEqualTo(StandardCharsets.UTF_8);
        Read read = read(sample, StandardCharsets.UTF_8);
        assertThat(read.result().rowsRejected()).isZero();
        assertThat(read.result().fieldsPerRow()).isEqualTo(57);
        assertThat(read.result().missingColumns()).isEmpty();
        List<String> identities = read.rows().stream()
                .map(r -> r.identifier() + " " + value(r, ExtractionColumns.LAST_NAME) + " " + value(r, ExtractionColumns.FIRST_NAME)
                        + " " + value(r, ExtractionColumns.PROFESSION_CODE))
                .toList();
        assertThat(identities).contains("99800000012 DURAND Jean 10", "99800000020 DUPONT-MARTIN Marie-Hélène 21",
                "99800000038 LE GALL Yves 60", "99800000046 D'ARCY Élodie 70", "99800000053 DURAND Jean 21",
                "99800000061 DURAND Jean 10", "99800000087 ŒUVRAY François 40", "99800000095 BENOÎT Anne-Sophie 50");
        assertThat(identities).noneMatch(line -> line.startsWith("99800000079"));
        for (DirectoryRow row : read.rows()) {
            IdentifierType type = "8".equals(row.identifierType()) ? IdentifierType.RPPS : IdentifierType.ADELI;
            assertThat(IdentifierRules.check(type, row.identifier()).isWellFormed()).as(row.identifier()).isTrue();
            assertThat(IdentifierRules.check(type, row.nationalId()).normalised()).isEqualTo(row.identifier());
            checkIfPresent(IdentifierType.SIRET, value(row, ExtractionColumns.SIRET));
            checkIfPresent(IdentifierType.SIREN, value(row, ExtractionColumns.SIREN));
            checkIfPresent(IdentifierType.FINESS, value(row, ExtractionColumns.FINESS_SITE));
            checkIfPresent(IdentifierType.FINESS, value(row, ExtractionColumns.FINESS_LEGAL));
        }
        assertThat(read.rows()).anySatisfy(r -> assertThat(value(r, ExtractionColumns.FINESS_SITE)).isEqualTo("310000013"));
        assertThat(read.rows()).anySatisfy(r -> assertThat(value(r, ExtractionColumns.FINESS_SITE)).isEqualTo("340000017"));
        assertThat(read.rows()).anySatisfy(r -> assertThat(value(r, ExtractionColumns.SIRET)).isEqualTo("73282932000074"));
        assertThat(read.rows()).noneSatisfy(r -> assertThat(value(r, ExtractionColumns.FINESS_SITE)).isEqualTo("310000021"));
    }

    private static void checkIfPresent(IdentifierType type, String value) {
        if (value != null) {
            assertThat(IdentifierRules.check(type, value).isWellFormed()).as(type + " " + value).isTrue();
        }
    }

    @Test
    void columns_are_found_by_name_in_any_order_with_or_without_the_later_ones() throws Exception {
        List<String> older = new ArrayList<>(ExtractionColumns.ALL.subList(0, 48));
        java.util.Collections.reverse(older);
        String content = new ExtractionFileBuilder().columns(older).trailingSeparator(false).lineEnd("\r\n")
                .row(ExtractionFileBuilder.professional("99800000012", "DURAND", "Jean", "10")).content();
        Read read = read(content, StandardCharsets.UTF_8);
        assertThat(read.rows()).hasSize(1);
        DirectoryRow row = read.rows().get(0);
        assertThat(row.nationalId()).isEqualTo("899800000012");
        assertThat(value(row, ExtractionColumns.FIRST_NAME)).isEqualTo("Jean");
        assertThat(value(row, ExtractionColumns.PROFESSION_CODE)).isEqualTo("10");
        assertThat(read.result().missingColumns()).contains(ExtractionColumns.ROLE_CODE, ExtractionColumns.SECTOR_CODE);
    }

    @Test
    void header_names_tolerate_case_accents_typographic_apostrophes_and_a_byte_order_mark() throws Exception {
        List<String> columns = ExtractionColumns.ALL.stream()
                .map(name -> name.replace('\'', '’').toUpperCase(java.util.Locale.ROOT).replace("É", "E")).toList();
        List<String> withBom = new ArrayList<>(columns);
        withBom.set(0, "\uFEFF" + columns.get(0));
        Map<String, String> values = ExtractionFileBuilder.professional("99800000012", "DURAND", "Jean", "10");
        String content = new ExtractionFileBuilder().columns(ExtractionColumns.ALL).row(values).content();
        String header = String.join("|", withBom) + "|";
        content = header + content.substring(content.indexOf('\n'));
        Read read = read(content, StandardCharsets.UTF_8);
        assertThat(read.rows()).hasSize(1);
        assertThat(value(read.rows().get(0), ExtractionColumns.LAST_NAME)).isEqualTo("DURAND");
    }

    @Test
    void rows_with_the_wrong_number_of_fields_are_counted_and_skipped_with_their_line() throws Exception {
        String content = new ExtractionFileBuilder()
                .row(ExtractionFileBuilder.professional("99800000012", "DURAND", "Jean", "10"))
                .rawLine("8|99800000020|899800000020|too|few")
                .row(ExtractionFileBuilder.professional("99800000038", "LE GALL", "Yves", "60"))
                .rawLine("")
                .rawLine(String.join("|", java.util.Collections.nCopies(70, "x")))
                .content();
        Read read = read(content, StandardCharsets.UTF_8);
        assertThat(read.result().rowsRead()).isEqualTo(4);
        assertThat(read.result().rowsImported()).isEqualTo(2);
        assertThat(read.result().rowsRejected()).isEqualTo(2);
        assertThat(read.result().rejections()).extracting(RowRejection::lineNumber).containsExactly(3L, 6L);
        assertThat(read.result().rejections().get(0).reason()).isEqualTo("Expected 57 fields, found 5");
        assertThat(read.rows()).extracting(DirectoryRow::lineNumber).containsExactly(2L, 4L);
    }

    @Test
    void rows_that_cannot_be_a_professional_are_rejected_with_a_reason() throws Exception {
        Map<String, String> unknownType = ExtractionFileBuilder.professional("99800000012", "DURAND", "Jean", "10");
        unknownType.put(ExtractionColumns.ID_TYPE, "3");
        Map<String, String> letters = ExtractionFileBuilder.professional("9980000001X", "DURAND", "Jean", "10");
        Map<String, String> mismatch = ExtractionFileBuilder.professional("99800000012", "DURAND", "Jean", "10");
        mismatch.put(ExtractionColumns.NATIONAL_ID, "899800000020");
        Map<String, String> noName = ExtractionFileBuilder.professional("99800000012", " ", "Jean", "10");
        Map<String, String> adeli = ExtractionFileBuilder.professional("319100012", "FABRE", "Louis", "91");
        adeli.put(ExtractionColumns.ID_TYPE, "0");
        adeli.put(ExtractionColumns.NATIONAL_ID, "0319100012");
        String content = new ExtractionFileBuilder().row(unknownType).row(letters).row(mismatch).row(noName).row(adeli).content();
        Read read = read(content, StandardCharsets.UTF_8);
        assertThat(read.result().rejections()).extracting(RowRejection::reason).containsExactly(
                "Type d'identifiant PP is '3', expected 8 (RPPS) or 0 (ADELI)",
                "Identifiant PP '9980000001X' is not a 11-digit RPPS",
                "Identification nationale PP '899800000020' does not match 899800000012",
                "Nom d'exercice is empty");
        assertThat(read.rows()).singleElement().satisfies(row -> assertThat(row.nationalId()).isEqualTo("0319100012"));
    }

    @Test
    void a_last_line_cut_short_fails_the_whole_file() {
        String content = new ExtractionFileBuilder()
                .row(ExtractionFileBuilder.professional("99800000012", "DURAND", "Jean", "10"))
                .row(ExtractionFileBuilder.professional("99800000038", "LE GALL", "Yves", "60")).content();
        String cut = content.substring(0, content.length() - 30);
        assertThatThrownBy(() -> read(cut, StandardCharsets.UTF_8))
                .isInstanceOf(InvalidExtractionFileException.class)
                .satisfies(e -> assertThat(((InvalidExtractionFileException) e).kind())
                        .isEqualTo(InvalidExtractionFileException.Kind.TRUNCATED))
                .hasMessageContaining("line 3");
    }

    @Test
    void a_complete_last_line_without_line_end_is_accepted() throws Exception {
        String content = new ExtractionFileBuilder()
                .row(ExtractionFileBuilder.professional("99800000012", "DURAND", "Jean", "10")).content();
        Read read = read(content.substring(0, content.length() - 1), StandardCharsets.UTF_8);
        assertThat(read.result().rowsImported()).isEqualTo(1);
    }

    @Test
    void a_file_without_the_required_columns_is_not_a_directory() {
        assertThatThrownBy(() -> read("nom;prenom;rpps\nDURAND;Jean;99800000012\n", StandardCharsets.UTF_8))
                .isInstanceOf(InvalidExtractionFileException.class)
                .hasMessageContaining("lacks the columns");
        assertThatThrownBy(() -> read("", StandardCharsets.UTF_8))
                .isInstanceOf(InvalidExtractionFileException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void windows_1252_is_decoded_and_utf_8_decoding_of_it_fails() throws Exception {
        String content = new ExtractionFileBuilder()
                .row(ExtractionFileBuilder.professional("99800000087", "ŒUVRAY", "François", "40"))
                .row(ExtractionFileBuilder.professional("99800000095", "BENOÎT", "Anne-Sophie", "50")).content();
        byte[] cp1252 = content.getBytes(EncodingDetector.WINDOWS_1252);
        assertThat(EncodingDetector.detect(cp1252, true).charset()).isEqualTo(EncodingDetector.WINDOWS_1252);
        Read read = read(cp1252, EncodingDetector.WINDOWS_1252);
        assertThat(read.rows()).extracting(r -> value(r, ExtractionColumns.LAST_NAME)).containsExactly("ŒUVRAY", "BENOÎT");
        assertThatThrownBy(() -> read(cp1252, StandardCharsets.UTF_8)).isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void encoding_detection() {
        byte[] utf8 = "Prénom d'exercice|Nom".getBytes(StandardCharsets.UTF_8);
        assertThat(EncodingDetector.detect(utf8, true)).isEqualTo(new EncodingDetector.Detection(StandardCharsets.UTF_8, true, false));
        byte[] ascii = "Identifiant PP|Nom".getBytes(StandardCharsets.US_ASCII);
        assertThat(EncodingDetector.detect(ascii, false).confident()).isFalse();
        assertThat(EncodingDetector.detect(ascii, true).confident()).isTrue();
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
        assertThat(EncodingDetector.detect(bom, true).byteOrderMark()).isTrue();
        // A sniffed prefix may end in the middle of "é" (C3 A9): that is not evidence against UTF-8.
        byte[] cutInsideCharacter = Arrays.copyOf(utf8, 3);
        assertThat(EncodingDetector.detect(cutInsideCharacter, false).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(EncodingDetector.detect(cutInsideCharacter, true).charset()).isEqualTo(EncodingDetector.WINDOWS_1252);
    }

    @Test
    void the_reader_keeps_a_bounded_list_of_rejections_but_counts_them_all() throws Exception {
        ExtractionFileBuilder builder = new ExtractionFileBuilder();
        for (int i = 0; i < ExtractionFileReader.REJECTIONS_KEPT + 50; i++) {
            builder.rawLine("broken");
        }
        Read read = read(builder.content(), StandardCharsets.UTF_8);
        assertThat(read.result().rowsRejected()).isEqualTo(ExtractionFileReader.REJECTIONS_KEPT + 50);
        assertThat(read.result().rejections()).hasSize(ExtractionFileReader.REJECTIONS_KEPT);
    }

    @Test
    void values_are_trimmed_and_empty_cells_are_null() throws Exception {
        Map<String, String> row = ExtractionFileBuilder.professional("99800000012", "  DURAND ", "Jean", "10");
        row.put(ExtractionColumns.SIRET, "   ");
        Read read = read(new ExtractionFileBuilder().row(row).content(), StandardCharsets.UTF_8);
        assertThat(value(read.rows().get(0), ExtractionColumns.LAST_NAME)).isEqualTo("DURAND");
        assertThat(value(read.rows().get(0), ExtractionColumns.SIRET)).isNull();
    }

    @SuppressWarnings("unused")
    private static void unused() throws IOException {
    }
}
