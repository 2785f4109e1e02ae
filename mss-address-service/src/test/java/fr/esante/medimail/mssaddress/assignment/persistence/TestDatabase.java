package fr.esante.medimail.mssaddress.assignment.persistence;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;
import fr.esante.medimail.mssaddress.MssAddressApplication;

/**
 * The service's database on the JVM's embedded PostgreSQL, migrated as the service migrates it, for tests
 * that need the real constraints without a Spring context. Shared with the Spring tests: data must be unique.
 */
final class TestDatabase {

    private static final String DATABASE = MssAddressApplication.NAME.replaceAll("[^a-zA-Z0-9_]", "_");
    private static boolean migrated;

    private TestDatabase() {
    }

    /** A connection pool of its own, as a separate service instance would have. */
    static HikariDataSource newPool(String name, int size) {
        String url = migrate();
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    private static synchronized String migrate() {
        String url = EmbeddedInfrastructure.shared().database(DATABASE);
        if (!migrated) {
            Flyway.configure()
                    .dataSource(url, "postgres", "postgres")
                    .locations("classpath:db/platform-support", "classpath:db/migration/" + MssAddressApplication.NAME)
                    .outOfOrder(true)
                    .load()
                    .migrate();
            migrated = true;
        }
        return url;
    }

    static void close(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            hikari.close();
        }
    }
}
