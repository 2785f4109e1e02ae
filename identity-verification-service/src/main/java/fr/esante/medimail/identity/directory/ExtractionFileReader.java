package fr.esante.medimail.identity.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams an extraction file row by row in constant memory: one reusable line buffer, Strings created only
 * for the columns the service keeps. Decoding is strict (a byte that is not valid in the charset stops the
 * read with a {@link java.nio.charset.CharacterCodingException}) so that a wrongly-encoded file is noticed
 * instead of imported with garbled names.
 *
 * <p>Rows with the wrong number of fields, or whose identifier cannot be a professional's, are counted and
 * skipped. A last line that is incomplete (no line end and too few fields) means the file was cut: the whole
 * read fails.
 */
public final class ExtractionFileReader {

    /** Operators need examples, not millions of lines: the count is exact, the list is capped. */
    public static final int REJECTIONS_KEPT = 1000;
    private static final int PROGRESS_EVERY = 250_000;
    private static final int MAX_REASON_VALUE = 24;

    @FunctionalInterface
    public interface RowSink {
        void accept(DirectoryRow row) throws IOException;
    }

    @FunctionalInterface
    public interface Progress {
        void rowsRead(long rows);
    }

    public record Result(long rowsRead, long rowsImported, long rowsRejected, List<RowRejection> rejections,
                         int fieldsPerRow, List<String> missingColumns) {
    }

    private ExtractionFileReader() {
    }

    public static Result read(ExtractionSource source, Charset charset, RowSink sink, Progress progress)
            throws IOException, InvalidExtractionFileException {
        try (InputStream in = source.open();
             Reader reader = new InputStreamReader(in, charset.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT)
                     .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            return read(new LineReader(reader), sink, progress);
        }
    }

    private static Result read(LineReader lines, RowSink sink, Progress progress) throws IOException, InvalidExtractionFileException {
        if (!lines.next()) {
            throw new InvalidExtractionFileException(InvalidExtractionFileException.Kind.NOT_AN_EXTRACTION_FILE, "The file is empty");
        }
        String[] header = new String(lines.chars, 0, lines.length).split("\\|", -1);
        List<String> missingRequired = ExtractionColumns.missingRequired(header);
        if (!missingRequired.isEmpty()) {
            throw new InvalidExtractionFileException(InvalidExtractionFileException.Kind.NOT_AN_EXTRACTION_FILE,
                    "Header row lacks the columns " + missingRequired + " (wrong file, separator or encoding)");
        }
        int[] kept = ExtractionColumns.positionsOfKept(header);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < kept.length; i++) {
            if (kept[i] < 0) {
                missing.add(ExtractionColumns.KEPT.get(i));
            }
        }
        int fieldsPerRow = header.length;
        int[] starts = new int[fieldsPerRow + 1];
        String[] values = new String[ExtractionColumns.KEPT.size()];
        List<RowRejection> rejections = new ArrayList<>();
        long read = 0;
        long imported = 0;
        long rejected = 0;
        long lineNumber = 1;
        while (lines.next()) {
            lineNumber++;
            if (lines.length == 0) {
                continue;
            }
            read++;
            if (read % PROGRESS_EVERY == 0) {
                progress.rowsRead(read);
            }
            int fields = split(lines.chars, lines.length, starts, fieldsPerRow);
            String reason;
            if (fields != fieldsPerRow) {
                if (!lines.terminated) {
                    throw new InvalidExtractionFileException(InvalidExtractionFileException.Kind.TRUNCATED,
                            "The last line, line " + lineNumber + ", has " + fields + " fields instead of " + fieldsPerRow
                                    + " and no line end: the file was cut short");
                }
                reason = "Expected " + fieldsPerRow + " fields, found " + fields;
            } else {
                for (int i = 0; i < kept.length; i++) {
                    values[i] = kept[i] < 0 ? null : value(lines.chars, starts, kept[i]);
                }
                reason = validate(values);
            }
            if (reason != null) {
                rejected++;
                if (rejections.size() < REJECTIONS_KEPT) {
                    rejections.add(new RowRejection(lineNumber, reason));
                }
                continue;
            }
            String nationalId = ("8".equals(values[0]) ? "8" : "0") + values[1];
            sink.accept(new DirectoryRow(lineNumber, nationalId, values));
            imported++;
        }
        return new Result(read, imported, rejected, List.copyOf(rejections), fieldsPerRow, List.copyOf(missing));
    }

    /** Why a row with the right shape still cannot be a professional of the directory; null when it can. */
    private static String validate(String[] values) {
        String type = values[0];
        String id = values[1];
        int length;
        if ("8".equals(type)) {
            length = 11;
        } else if ("0".equals(type)) {
            length = 9;
        } else {
            return "Type d'identifiant PP is '" + shorten(type) + "', expected 8 (RPPS) or 0 (ADELI)";
        }
        if (id == null || id.length() != length || !allDigits(id)) {
            return "Identifiant PP '" + shorten(id) + "' is not a " + length + "-digit " + ("8".equals(type) ? "RPPS" : "ADELI");
        }
        String nationalId = values[2];
        if (nationalId != null && !nationalId.equals(type + id)) {
            return "Identification nationale PP '" + shorten(nationalId) + "' does not match " + type + id;
        }
        if (values[4] == null) {
            return "Nom d'exercice is empty";
        }
        return null;
    }

    /** Fills {@code starts} with the offset of each field and returns the field count (all of them, even past the array). */
    private static int split(char[] chars, int length, int[] starts, int expected) {
        int fields = 1;
        starts[0] = 0;
        for (int i = 0; i < length; i++) {
            if (chars[i] == '|') {
                if (fields < expected) {
                    starts[fields] = i + 1;
                }
                fields++;
            }
        }
        if (fields <= expected) {
            starts[fields] = length + 1;
        }
        return fields;
    }

    private static String value(char[] chars, int[] starts, int field) {
        int from = starts[field];
        int to = starts[field + 1] - 1;
        while (from < to && chars[from] == ' ') {
            from++;
        }
        while (to > from && chars[to - 1] == ' ') {
            to--;
        }
        return from == to ? null : new String(chars, from, to - from);
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= MAX_REASON_VALUE ? value : value.substring(0, MAX_REASON_VALUE) + "…";
    }

    /** Lines into one reusable buffer; knows whether the last line had its line end (a cut file's has not). */
    static final class LineReader {

        private final Reader in;
        private final char[] buffer = new char[1 << 16];
        private int position;
        private int limit;
        private boolean eof;
        char[] chars = new char[1024];
        int length;
        boolean terminated;

        LineReader(Reader in) {
            this.in = in;
        }

        boolean next() throws IOException {
            length = 0;
            while (true) {
                if (position == limit) {
                    if (eof || !fill()) {
                        eof = true;
                        terminated = false;
                        stripCarriageReturn();
                        return length > 0;
                    }
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                append(start, position);
                if (position < limit) {
                    position++;
                    terminated = true;
                    stripCarriageReturn();
                    return true;
                }
            }
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer, 0, buffer.length);
            while (n == 0) {
                n = in.read(buffer, 0, buffer.length);
            }
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }

        private void append(int from, int to) {
            int count = to - from;
            if (length + count > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + count));
            }
            System.arraycopy(buffer, from, chars, length, count);
            length += count;
        }

        private void stripCarriageReturn() {
            if (length > 0 && chars[length - 1] == '\r') {
                length--;
            }
        }
    }
}
