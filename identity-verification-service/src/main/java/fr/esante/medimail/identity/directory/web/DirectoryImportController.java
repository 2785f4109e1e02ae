package fr.esante.medimail.identity.directory.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.identity.directory.DirectoryImportService;
import fr.esante.medimail.identity.directory.DirectoryImportSettings;
import fr.esante.medimail.identity.directory.DirectoryStore;
import fr.esante.medimail.identity.directory.ExtractionSource;
import fr.esante.medimail.identity.directory.ImportAlreadyRunningException;
import fr.esante.medimail.identity.directory.ImportSummary;
import fr.esante.medimail.identity.directory.ImportTrigger;
import fr.esante.medimail.identity.directory.RowRejection;
import fr.esante.medimail.support.web.ApiProblem;
import fr.esante.medimail.identity.IdentityVerificationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * Operators' endpoint (internal, not part of the public API; HTTP Basic, role OPERATOR): start an import of the
 * configured file or of a file dropped in the configured inbox directory, and follow it. The import runs in the
 * background; its summary (rows read, imported, rejected with line numbers and reasons) is at the returned location.
 * Every malformed input (path, id) is a 400 or 404 problem, never a 500.
 */
@RestController
public class DirectoryImportController {

    private static final UserTexts TEXTS = UserTexts.of(IdentityVerificationApplication.NAME);

    private final DirectoryImportService imports;
    private final DirectoryStore store;
    private final DirectoryImportSettings settings;

    public DirectoryImportController(DirectoryImportService imports, DirectoryStore store, DirectoryImportSettings settings) {
        this.imports = imports;
        this.store = store;
        this.settings = settings;
    }

    /** @param path a file inside the inbox directory; absent = the configured location */
    public record ImportRequest(String path, Boolean force) {

        boolean forced() {
            return Boolean.TRUE.equals(force);
        }
    }

    public record ImportStarted(long importId, String status, String source) {
    }

    public record ImportView(long id, String trigger, String source, String status, String encoding, Instant startedAt,
                             Instant finishedAt, long rowsRead, long rowsImported, long rowsRejected,
                             List<RowRejection> rejections, String failure, Long replacedImportId) {

        static ImportView of(ImportSummary summary) {
            return new ImportView(summary.id(), summary.trigger().name(), summary.source(), summary.status().name(),
                    summary.encoding(), summary.startedAt(), summary.finishedAt(), summary.rowsRead(), summary.rowsImported(),
                    summary.rowsRejected(), summary.rejections(), summary.failure(), summary.replacedImportId());
        }
    }

    @PostMapping("/api/v1/directory-imports")
    public ResponseEntity<ImportStarted> start(@RequestBody(required = false) ImportRequest request) {
        ImportRequest wanted = request == null ? new ImportRequest(null, false) : request;
        ExtractionSource source = wanted.path() == null || wanted.path().isBlank() ? configured() : inInbox(wanted.path());
        long id;
        try {
            id = imports.start(source, ImportTrigger.OPERATOR, wanted.forced());
        } catch (ImportAlreadyRunningException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "IMPORT_ALREADY_RUNNING",
                    TEXTS.text("directory-import.already-running.title"), TEXTS.text("directory-import.already-running"));
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/directory-imports/" + id))
                .body(new ImportStarted(id, "RUNNING", source.name()));
    }

    /** An id that is not a number names no import: 404, like an unknown one. */
    @GetMapping("/api/v1/directory-imports/{id}")
    public ImportView find(@PathVariable String id) {
        return importId(id).flatMap(store::find).map(ImportView::of).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                "IMPORT_NOT_FOUND", TEXTS.text("directory-import.not-found.title"), TEXTS.text("directory-import.not-found")));
    }

    static Optional<Long> importId(String id) {
        try {
            return Optional.of(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @GetMapping("/api/v1/directory-imports")
    public List<ImportView> recent() {
        return store.recent(20).stream().map(ImportView::of).toList();
    }

    private ExtractionSource configured() {
        return settings.configuredSource().orElseThrow(() -> ApiProblem.invalidField("path", "FILE_NOT_FOUND",
                TEXTS.text("directory-import.no-configured-file")));
    }

    /** Only files the operators dropped in the inbox: the endpoint must not read arbitrary server files. */
    private ExtractionSource inInbox(String requested) {
        if (settings.inboxDirectory() == null) {
            throw ApiProblem.invalidField("path", "PATH_NOT_ALLOWED",
                    TEXTS.text("directory-import.no-inbox"));
        }
        try {
            Path inbox = settings.inboxDirectory().toRealPath();
            Path candidate = resolve(inbox, requested);
            if (!candidate.startsWith(inbox) || !Files.isRegularFile(candidate)) {
                throw ApiProblem.invalidField("path", "FILE_NOT_FOUND", TEXTS.text("directory-import.file-not-found"));
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(inbox)) {
                throw ApiProblem.invalidField("path", "PATH_NOT_ALLOWED", TEXTS.text("directory-import.outside-inbox"));
            }
            return ExtractionSource.of(real);
        } catch (IOException e) {
            throw ApiProblem.invalidField("path", "FILE_NOT_FOUND", TEXTS.text("directory-import.file-not-found"));
        }
    }

    /** A name the file system cannot hold (a NUL character…) is a client error, not a 500. */
    private static Path resolve(Path inbox, String requested) {
        try {
            return inbox.resolve(requested).normalize();
        } catch (InvalidPathException e) {
            throw ApiProblem.invalidField("path", "PATH_NOT_ALLOWED",
                    TEXTS.text("directory-import.invalid-path"));
        }
    }
}
