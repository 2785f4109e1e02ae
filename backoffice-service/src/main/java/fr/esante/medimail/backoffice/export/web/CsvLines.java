package fr.esante.medimail.backoffice.export.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as French spreadsheets open it: {@code ;} between fields, CRLF line ends, a field quoted when it holds a
 * separator, a quote or a line break (quotes doubled). A field starting with {@code = + - @} is prefixed with an
 * apostrophe, so that a spreadsheet never runs text an applicant typed as a formula.
 */
final class CsvLines {

    private CsvLines() {
    }

    static void write(Writer out, List<?> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(';');
                }
                out.write(field(fields.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(';') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
