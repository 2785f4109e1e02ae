package fr.esante.medimail.identity.directory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Decisions need a directory: an imported one, or at least a live one configured. */
@Component("directory")
public class DirectoryHealthIndicator implements HealthIndicator {

    private final DirectoryStore store;
    private final ObjectProvider<ProfessionalDirectory> live;

    public DirectoryHealthIndicator(DirectoryStore store, @Qualifier(DirectoryConfiguration.LIVE) ObjectProvider<ProfessionalDirectory> live) {
        this.store = store;
        this.live = live;
    }

    @Override
    public Health health() {
        boolean liveConfigured = live.getIfAvailable() != null;
        return store.current()
                .map(current -> Health.up().withDetail("importId", current.id()).withDetail("rows", current.rowsImported())
                        .withDetail("importedAt", current.finishedAt()).withDetail("liveDirectory", liveConfigured))
                .orElseGet(() -> (liveConfigured ? Health.up() : Health.down())
                        .withDetail("importId", "none").withDetail("liveDirectory", liveConfigured))
                .build();
    }
}
