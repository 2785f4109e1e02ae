package fr.esante.medimail.identity.directory;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The directory's domain services; the adapters' configurations provide the store and the directories. */
@Configuration(proxyBeanMethods = false)
public class DirectoryConfiguration {

    /** Bean names the adapters register their directories under. */
    public static final String IMPORTED = "importedDirectory";
    public static final String LIVE = "liveDirectory";

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService directoryImportExecutor() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "directory-import");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    DirectoryImportService directoryImportService(DirectoryStore store, DirectoryImportSettings settings, Clock clock,
                                                  ExecutorService directoryImportExecutor) {
        return new DirectoryImportService(store, settings.policy(), clock, directoryImportExecutor);
    }

    @Bean
    DirectoryConsultation directoryConsultation(@Qualifier(IMPORTED) ProfessionalDirectory imported,
                                                @Qualifier(LIVE) ObjectProvider<ProfessionalDirectory> live) {
        return new DirectoryConsultation(Optional.ofNullable(live.getIfAvailable()), imported);
    }
}
