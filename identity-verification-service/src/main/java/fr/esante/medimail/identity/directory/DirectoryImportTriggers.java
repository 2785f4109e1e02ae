package fr.esante.medimail.identity.directory;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The imports nobody asks for: at startup when the service has no directory yet, and on the configured
 * schedule. The startup import runs before the event consumers and the web server start (lifecycle phase
 * 0), so that no profile is decided against an empty directory.
 */
@Component
public class DirectoryImportTriggers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DirectoryImportTriggers.class);

    private final DirectoryImportService imports;
    private final DirectoryStore store;
    private final DirectoryImportSettings settings;
    private final Clock clock;
    private volatile boolean running;

    public DirectoryImportTriggers(DirectoryImportService imports, DirectoryStore store, DirectoryImportSettings settings, Clock clock) {
        this.imports = imports;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        int interrupted = store.closeInterruptedImports(clock.instant());
        if (interrupted > 0) {
            log.warn("{} directory import(s) were interrupted by a previous stop and are marked FAILED", interrupted);
        }
        if (!settings.importWhenEmpty() || store.current().isPresent()) {
            return;
        }
        Optional<ExtractionSource> source = settings.configuredSource();
        if (source.isEmpty()) {
            log.warn("No directory imported yet and no extraction file at '{}': decisions need the live directory until one is imported",
                    settings.location());
            return;
        }
        if (source.get().name().startsWith("classpath:")) {
            log.warn("Importing the bundled FICTIONAL sample directory ({}); set medimail.directory.import.location to the real file",
                    source.get().name());
        }
        imports.importNow(source.get(), ImportTrigger.STARTUP, false);
    }

    @Scheduled(cron = "${medimail.directory.import.cron:-}")
    public void scheduledImport() {
        Optional<ExtractionSource> source = settings.configuredSource();
        if (source.isEmpty()) {
            log.warn("Scheduled directory import: no extraction file at '{}'", settings.location());
            return;
        }
        Optional<ImportSummary> current = store.current();
        if (current.isPresent() && source.get().lastModified() != null && current.get().source().equals(source.get().name())
                && current.get().startedAt().isAfter(source.get().lastModified())) {
            log.info("Scheduled directory import: {} has not changed since import {}", source.get().name(), current.get().id());
            return;
        }
        try {
            // In the background: the scheduler thread also relays the outbox, which must not wait for an import.
            imports.start(source.get(), ImportTrigger.SCHEDULE, false);
        } catch (ImportAlreadyRunningException e) {
            log.info("Scheduled directory import skipped: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
