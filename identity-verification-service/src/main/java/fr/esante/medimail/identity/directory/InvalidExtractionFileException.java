package fr.esante.medimail.identity.directory;

/** The file as a whole cannot be a complete directory: nothing from it may replace the current one. */
public class InvalidExtractionFileException extends Exception {

    public enum Kind { NOT_AN_EXTRACTION_FILE, TRUNCATED, WRONG_ENCODING, TOO_MANY_REJECTED_ROWS, TOO_SMALL, UNREADABLE }

    private final Kind kind;

    public InvalidExtractionFileException(Kind kind, String message) {
        this(kind, message, null);
    }

    public InvalidExtractionFileException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
