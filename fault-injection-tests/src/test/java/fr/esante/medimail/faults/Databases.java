package fr.esante.medimail.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server of the five services' databases (one database per service, named after it): stopped and
 * started again on the same port and data directory, and read from outside with plain JDBC, as an operator would.
 */
final class Databases implements AutoCloseable {

    private final Path data;
    private final int port;
    private EmbeddedPostgres postgres;

    Databases(Path data, int port) throws IOException {
        this.data = data;
        this.port = port;
        start();
    }

    void start() throws IOException {
        Files.createDirectories(data);
        postgres = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .start();
    }

    /** Stops the server; {@link #start()} brings it back with its data. */
    void stop() throws IOException {
        postgres.close();
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    int port() {
        return port;
    }

    void create(String service) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE DATABASE \"" + database(service) + "\"");
        }
    }

    static String database(String service) {
        return service.replace('-', '_');
    }

    String queryString(String service, String sql, Object... parameters) {
        List<String> values = queryStrings(service, sql, parameters);
        return values.isEmpty() ? null : values.get(0);
    }

    List<String> queryStrings(String service, String sql, Object... parameters) {
        try (Connection connection = connect(service); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new java.io.UncheckedIOException(new IOException(e));
        }
    }

    long queryLong(String service, String sql, Object... parameters) {
        return Long.parseLong(queryString(service, sql, parameters));
    }

    String accountStatus(String accountId) {
        return queryString("registration-service", "SELECT status FROM account WHERE id = ?::uuid", accountId);
    }

    private Connection connect(String service) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database(service), "postgres", "postgres");
    }
}
