package fr.esante.medimail.identity.directory;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports an extraction file as the new directory. The file is streamed into a table nobody reads, checked
 * as a whole (complete, decodable, not mostly rejected, not suspiciously small), and only then swapped in;
 * any failure leaves the previous directory in place, untouched.
 */
public class DirectoryImportService {

    private static final Logger log = LoggerFactory.getLogger(DirectoryImportService.class);

    private final DirectoryStore store;
    private final ImportPolicy policy;
    private final Clock clock;
    private final Executor background;
    private final AtomicBoolean running = new AtomicBoolean();

    public DirectoryImportService(DirectoryStore store, ImportPolicy policy, Clock clock, Executor background) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.background = background;
    }

    /** Runs an import to its end in the calling thread. */
    public ImportSummary importNow(ExtractionSource source, ImportTrigger trigger, boolean force) {
        claim();
        try {
            long id = store.recordStart(trigger, source, clock.instant());
            return run(id, trigger, source, force);
        } finally {
            running.set(false);
        }
    }

    /** Records the import and runs it in the background; the returned id lets the caller follow it. */
    public long start(ExtractionSource source, ImportTrigger trigger, boolean force) {
        claim();
        try {
            long id = store.recordStart(trigger, source, clock.instant());
            background.execute(() -> {
                try {
                    run(id, trigger, source, force);
                } finally {
                    running.set(false);
                }
            });
            return id;
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    public boolean isRunning() {
        return running.get();
    }

    private void claim() {
        if (!running.compareAndSet(false, true)) {
            throw new ImportAlreadyRunningException("A directory import is already running in this instance");
        }
    }

    private ImportSummary run(long id, ImportTrigger trigger, ExtractionSource source, boolean force) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        log.info("Directory import {} ({}) started from {}", id, trigger, source.name());
        String encoding = null;
        ExtractionFileReader.Result result = null;
        try (DirectoryStore.LoadSession load = store.openLoad(id)) {
            EncodingDetector.Detection detection = EncodingDetector.detect(source);
            Charset charset = detection.charset();
            encoding = charset.name();
            try {
                result = ExtractionFileReader.read(source, charset, load::add, rows -> progress(id, rows, startNanos));
            } catch (CharacterCodingException e) {
                if (detection.confident() || !charset.equals(StandardCharsets.UTF_8)) {
                    throw new InvalidExtractionFileException(InvalidExtractionFileException.Kind.WRONG_ENCODING,
                            "The file is not valid " + charset.name() + " (" + e.getMessage() + ")", e);
                }
                log.info("Directory import {}: the file is not UTF-8 past its plain-ASCII start, reading it again as windows-1252", id);
                load.restart();
                charset = EncodingDetector.WINDOWS_1252;
                encoding = charset.name();
                try {
                    result = ExtractionFileReader.read(source, charset, load::add, rows -> progress(id, rows, startNanos));
                } catch (CharacterCodingException again) {
                    throw new InvalidExtractionFileException(InvalidExtractionFileException.Kind.WRONG_ENCODING,
                            "The file is neither UTF-8 nor windows-1252 (" + again.getMessage() + ")", again);
                }
            }
            check(result, force);
            ImportSummary completed = summary(id, trigger, source, ImportStatus.COMPLETED, encoding, started, result, null, null);
            Long replaced = load.publish(completed);
            completed = summary(id, trigger, source, ImportStatus.COMPLETED, encoding, started, result, null, replaced);
            logSummary(completed, startNanos);
            return completed;
        } catch (InvalidExtractionFileException e) {
            return fail(id, trigger, source, encoding, started, result, e.kind() + ": " + e.getMessage(), null);
        } catch (ImportAlreadyRunningException e) {
            return fail(id, trigger, source, encoding, started, result, "ALREADY_RUNNING: " + e.getMessage(), null);
        } catch (IOException e) {
            return fail(id, trigger, source, encoding, started, result, "UNREADABLE: " + e, null);
        } catch (RuntimeException e) {
            return fail(id, trigger, source, encoding, started, result, "UNREADABLE: " + e, e);
        }
    }

    private void check(ExtractionFileReader.Result result, boolean force) throws InvalidExtractionFileException {
        if (result.rowsImported() == 0) {
            throw new InvalidExtractionFileException(InvalidExtractionFileException.Kind.TOO_SMALL,
                    "No row could be imported (" + result.rowsRead() + " read, " + result.rowsRejected() + " rejected)");
        }
        if (result.rowsRejected() > policy.rejectedRowsAlwaysTolerated()
                && result.rowsRejected() > policy.maxRejectedRatio() * result.rowsRead()) {
            throw new InvalidExtractionFileException(InvalidExtractionFileException.Kind.TOO_MANY_REJECTED_ROWS,
                    result.rowsRejected() + " of " + result.rowsRead() + " rows rejected, more than "
                            + Math.round(policy.maxRejectedRatio() * 100) + "%: the file looks corrupt");
        }
        if (!force) {
            long current = store.current().map(ImportSummary::rowsImported).orElse(0L);
            if (result.rowsImported() < policy.minSizeRatio() * current) {
                throw new InvalidExtractionFileException(InvalidExtractionFileException.Kind.TOO_SMALL,
                        result.rowsImported() + " rows would replace a directory of " + current
                                + ": the file looks truncated (an operator may force it)");
            }
        }
    }

    private ImportSummary fail(long id, ImportTrigger trigger, ExtractionSource source, String encoding, Instant started,
                               ExtractionFileReader.Result result, String failure, Throwable cause) {
        ImportSummary failed = summary(id, trigger, source, ImportStatus.FAILED, encoding, started, result, failure, null);
        if (cause != null) {
            log.error("Directory import {} failed; the current directory stays in place: {}", id, failure, cause);
        } else {
            log.warn("Directory import {} refused; the current directory stays in place: {}", id, failure);
        }
        try {
            store.recordOutcome(failed);
        } catch (RuntimeException e) {
            log.error("Directory import {}: could not record the failure", id, e);
        }
        return failed;
    }

    private ImportSummary summary(long id, ImportTrigger trigger, ExtractionSource source, ImportStatus status, String encoding,
                                  Instant started, ExtractionFileReader.Result result, String failure, Long replaced) {
        return new ImportSummary(id, trigger, source.name(), status, encoding, started, clock.instant(),
                result == null ? 0 : result.rowsRead(), result == null ? 0 : result.rowsImported(),
                result == null ? 0 : result.rowsRejected(), result == null ? List.of() : result.rejections(), failure, replaced);
    }

    private static void progress(long id, long rows, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        log.info("Directory import {}: {} rows read ({} rows/s)", id, rows, Math.round(rows / Math.max(seconds, 1e-3)));
    }

    private static void logSummary(ImportSummary summary, long startNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        log.info("Directory import {} completed in {} s: {} rows read, {} imported, {} rejected ({}), encoding {}, replaces import {}",
                summary.id(), took.toMillis() / 1000.0, summary.rowsRead(), summary.rowsImported(), summary.rowsRejected(),
                summary.rejections().stream().limit(5).map(r -> "line " + r.lineNumber() + ": " + r.reason()).toList(),
                summary.encoding(), summary.replacedImportId());
    }
}
