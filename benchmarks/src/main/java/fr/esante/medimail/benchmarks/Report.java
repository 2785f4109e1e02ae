package fr.esante.medimail.benchmarks;

import java.util.Locale;

/** The report, printed as it goes and kept for the file. */
final class Report {
    private final StringBuilder text = new StringBuilder();

    void section(String title) {
        line("");
        line("## " + title);
        line("");
    }

    void line(String format, Object... args) {
        String line = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        text.append(line).append('\n');
        System.out.println(line);
    }

    String text() {
        return text.toString();
    }
}
