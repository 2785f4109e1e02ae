package fr.esante.medimail.identity.directory;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes small extraction files in the real layout (or a variant of it) for import tests. */
final class ExtractionFileBuilder {

    private List<String> columns = ExtractionColumns.ALL;
    private boolean trailingSeparator = true;
    private String lineEnd = "\n";
    private final List<String> lines = new ArrayList<>();

    static Map<String, String> professional(String rpps, String lastName, String firstName, String profession) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put(ExtractionColumns.ID_TYPE, "8");
        row.put(ExtractionColumns.ID, rpps);
        row.put(ExtractionColumns.NATIONAL_ID, "8" + rpps);
        row.put(ExtractionColumns.LAST_NAME, lastName);
        row.put(ExtractionColumns.FIRST_NAME, firstName);
        row.put(ExtractionColumns.PROFESSION_CODE, profession);
        return row;
    }

    ExtractionFileBuilder columns(List<String> columns) {
        this.columns = columns;
        return this;
    }

    ExtractionFileBuilder trailingSeparator(boolean trailingSeparator) {
        this.trailingSeparator = trailingSeparator;
        return this;
    }

    ExtractionFileBuilder lineEnd(String lineEnd) {
        this.lineEnd = lineEnd;
        return this;
    }

    ExtractionFileBuilder row(Map<String, String> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append('|');
            }
            line.append(values.getOrDefault(columns.get(i), ""));
        }
        if (trailingSeparator) {
            line.append('|');
        }
        lines.add(line.toString());
        return this;
    }

    /** A line written as is (broken rows). */
    ExtractionFileBuilder rawLine(String line) {
        lines.add(line);
        return this;
    }

    String content() {
        StringBuilder content = new StringBuilder(String.join("|", columns));
        if (trailingSeparator) {
            content.append('|');
        }
        content.append(lineEnd);
        for (String line : lines) {
            content.append(line).append(lineEnd);
        }
        return content.toString();
    }

    Path write(Path file, Charset charset) throws IOException {
        Files.writeString(file, content(), charset);
        return file;
    }
}
