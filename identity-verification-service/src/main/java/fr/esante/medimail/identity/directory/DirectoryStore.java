package fr.esante.medimail.identity.directory;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where imported directories live (port; the PostgreSQL adapter streams rows with COPY). */
public interface DirectoryStore {

    /** Records a RUNNING import and returns its id. */
    long recordStart(ImportTrigger trigger, ExtractionSource source, Instant startedAt);

    /**
     * Opens a load for the given import: rows go to a table nobody reads until {@link LoadSession#publish}.
     * Throws {@link ImportAlreadyRunningException} when another load holds the directory (any instance).
     */
    LoadSession openLoad(long importId);

    void recordOutcome(ImportSummary summary);

    /** The import the directory currently holds, with its row count; empty before the first import. */
    Optional<ImportSummary> current();

    Optional<ImportSummary> find(long importId);

    List<ImportSummary> recent(int limit);

    /** Imports left RUNNING by a stopped JVM, marked FAILED when no load holds the directory any more. */
    int closeInterruptedImports(Instant now);

    interface LoadSession extends AutoCloseable {

        void add(DirectoryRow row) throws IOException;

        /** Forgets the rows added so far (the file is read again in another encoding). */
        void restart() throws IOException;

        /** Makes the loaded rows the directory, atomically; returns the id of the import they replaced. */
        Long publish(ImportSummary summary) throws IOException;

        /** Discards everything not published. */
        @Override
        void close();
    }
}
