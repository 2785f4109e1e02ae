package fr.esante.medimail.identity.directory;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the extraction file comes from and when it is imported ({@code medimail.directory.import.*}).
 *
 * @param location           the file the schedule and the startup import read: a path, or {@code classpath:…}
 * @param cron               Spring cron of the scheduled import; {@code -} disables it
 * @param importWhenEmpty    import {@code location} at startup when no directory has been imported yet
 * @param inbox              operators may import files from this directory only (none when unset)
 * @param maintenanceWorkMem PostgreSQL memory for building the directory's indexes
 */
@ConfigurationProperties("medimail.directory.import")
public record DirectoryImportSettings(String location, String cron, boolean importWhenEmpty, String inbox,
                                      double maxRejectedRatio, long rejectedRowsAlwaysTolerated, double minSizeRatio,
                                      String maintenanceWorkMem) {

    public DirectoryImportSettings {
        cron = cron == null || cron.isBlank() ? "-" : cron;
        maxRejectedRatio = maxRejectedRatio <= 0 ? ImportPolicy.defaults().maxRejectedRatio() : maxRejectedRatio;
        rejectedRowsAlwaysTolerated = rejectedRowsAlwaysTolerated < 0 ? 0 : rejectedRowsAlwaysTolerated;
        minSizeRatio = minSizeRatio < 0 ? ImportPolicy.defaults().minSizeRatio() : minSizeRatio;
        maintenanceWorkMem = maintenanceWorkMem == null || maintenanceWorkMem.isBlank() ? "128MB" : maintenanceWorkMem;
    }

    /** Null when no inbox is configured. */
    public Path inboxDirectory() {
        return inbox == null || inbox.isBlank() ? null : Path.of(inbox);
    }

    public ImportPolicy policy() {
        return new ImportPolicy(maxRejectedRatio, rejectedRowsAlwaysTolerated, minSizeRatio);
    }

    /** The configured file, if one is configured and exists. */
    public java.util.Optional<ExtractionSource> configuredSource() {
        if (location == null || location.isBlank()) {
            return java.util.Optional.empty();
        }
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            String name = resource.startsWith("/") ? resource.substring(1) : resource;
            return ExtractionSource.class.getClassLoader().getResource(name) == null
                    ? java.util.Optional.empty() : java.util.Optional.of(ExtractionSource.ofClasspath(name));
        }
        Path path = Path.of(location);
        return java.nio.file.Files.isRegularFile(path) ? java.util.Optional.of(ExtractionSource.of(path)) : java.util.Optional.empty();
    }
}
