package fr.esante.medimail.identity.directory;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;

/** A fresh database on the shared embedded PostgreSQL, migrated like the service's, for JDBC-level tests. */
public final class TestDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;

    private TestDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static TestDatabase create(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = EmbeddedInfrastructure.shared().database(name);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(4);
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/platform-support", "classpath:db/migration/identity-verification-service")
                .load().migrate();
        return new TestDatabase(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
