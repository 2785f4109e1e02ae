package fr.esante.medimail.identity.directory.persistence;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.esante.medimail.identity.directory.DirectoryConfiguration;
import fr.esante.medimail.identity.directory.DirectoryImportSettings;

@Configuration(proxyBeanMethods = false)
public class DirectoryPersistenceConfiguration {

    @Bean
    PostgresDirectoryStore directoryStore(DataSource dataSource, DirectoryImportSettings settings) {
        return new PostgresDirectoryStore(dataSource, settings.maintenanceWorkMem());
    }

    @Bean(DirectoryConfiguration.IMPORTED)
    ImportedDirectory importedDirectory(JdbcClient jdbc) {
        return new ImportedDirectory(jdbc);
    }
}
