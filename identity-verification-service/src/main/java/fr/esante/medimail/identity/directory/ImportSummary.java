package fr.esante.medimail.identity.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What an import did, as operators read it (endpoint, logs) and as decisions cite it (id). */
public record ImportSummary(long id, ImportTrigger trigger, String source, ImportStatus status, String encoding,
                            Instant startedAt, Instant finishedAt, long rowsRead, long rowsImported, long rowsRejected,
                            List<RowRejection> rejections, String failure, Long replacedImportId) {

    public Duration duration() {
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
