package fr.esante.medimail.identity.directory;

public enum ImportStatus {
    RUNNING,
    /** The file's rows are now the directory. */
    COMPLETED,
    /** Nothing changed: the previous directory stays. */
    FAILED,
    /** The scheduled file had not changed since the last completed import. */
    SKIPPED
}
