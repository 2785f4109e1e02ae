package fr.esante.medimail.testsupport;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import fr.esante.medimail.embedded.EmbeddedInfrastructure;

/**
 * Databases on the test JVM's embedded PostgreSQL, migrated as a service migrates its own (the platform-support
 * migrations, then the service's), for tests that need the real constraints without a Spring context.
 */
public final class TestDatabases {

    private static final Set<String> MIGRATED = new HashSet<>();

    private TestDatabases() {
    }

    /**
     * The service's own database (the one its Spring tests use too, so data must be unique), migrated once per JVM.
     *
     * @param service the service name, as in {@code db/migration/<service>}
     * @return its JDBC URL
     */
    public static synchronized String serviceDatabase(String service) {
        String url = EmbeddedInfrastructure.shared().database(service.replaceAll("[^a-zA-Z0-9_]", "_"));
        if (MIGRATED.add(url)) {
            migrate(url, service);
        }
        return url;
    }

    /** A new, empty database with the service's schema, for a test that must start from nothing. */
    public static Fresh fresh(String prefix, String service) {
        String url = EmbeddedInfrastructure.shared().database(prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        migrate(url, service);
        return new Fresh(pool(url, prefix, 4));
    }

    /** A connection pool of its own, as a separate service instance would have. */
    public static HikariDataSource pool(String url, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    /** Closes a pool made here; anything else is left alone. */
    public static void close(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            hikari.close();
        }
    }

    private static void migrate(String url, String service) {
        Flyway.configure()
                .dataSource(url, "postgres", "postgres")
                .locations("classpath:db/platform-support", "classpath:db/migration/" + service)
                .outOfOrder(true)
                .load()
                .migrate();
    }

    /** A database of one test, closed (its pool) when the test ends. */
    public record Fresh(HikariDataSource dataSource) implements AutoCloseable {

        @Override
        public void close() {
            dataSource.close();
        }
    }
}
