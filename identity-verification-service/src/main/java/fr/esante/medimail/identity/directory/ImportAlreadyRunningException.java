package fr.esante.medimail.identity.directory;

/** Two imports at once would race for the swap; the second one is refused. */
public class ImportAlreadyRunningException extends RuntimeException {

    public ImportAlreadyRunningException(String message) {
        super(message);
    }
}
