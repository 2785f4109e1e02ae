package fr.esante.medimail.identity.directory.persistence;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.esante.medimail.identity.directory.DirectoryRow;
import fr.esante.medimail.identity.directory.DirectoryStore;
import fr.esante.medimail.identity.directory.ExtractionColumns;
import fr.esante.medimail.identity.directory.ExtractionSource;
import fr.esante.medimail.identity.directory.ImportAlreadyRunningException;
import fr.esante.medimail.identity.directory.ImportStatus;
import fr.esante.medimail.identity.directory.ImportSummary;
import fr.esante.medimail.identity.directory.ImportTrigger;
import fr.esante.medimail.identity.directory.RowRejection;

/**
 * The directory in PostgreSQL. A load streams rows with {@code COPY ... FROM STDIN} into a new table
 * {@code directory_activity_load_<id>}, created in the load's own transaction: until it commits, no other
 * session can even see the table, and a crash or a refusal rolls it away. Publishing builds the indexes,
 * then, still in that transaction, drops the current {@code directory_activity}, renames the new table into
 * its place and points {@code directory_state} at the import. Readers wait the few milliseconds the
 * swap holds its lock and then see the complete new directory; before it, the complete old one.
 */
public class PostgresDirectoryStore implements DirectoryStore {

    private static final Logger log = LoggerFactory.getLogger(PostgresDirectoryStore.class);

    /** Advisory lock held by the transaction of a load: one load at a time per database, whatever the instance. */
    static final long LOAD_LOCK = 0x6469726563746f72L; // "director"

    /**
     * The table column of each stored extraction column, matched by header name: {@link ExtractionColumns#KEPT} may
     * gain, lose or reorder columns without a value landing in the wrong column. The national id as read is not stored
     * (the row's recomputed one is).
     */
    private static final List<Map.Entry<String, String>> COLUMN_OF_HEADER = List.of(
            Map.entry(ExtractionColumns.ID_TYPE, "identifier_type"), Map.entry(ExtractionColumns.ID, "identifier"),
            Map.entry(ExtractionColumns.CIVILITY_CODE, "civility_code"), Map.entry(ExtractionColumns.LAST_NAME, "last_name"),
            Map.entry(ExtractionColumns.FIRST_NAME, "first_name"),
            Map.entry(ExtractionColumns.PROFESSION_CODE, "profession_code"),
            Map.entry(ExtractionColumns.PROFESSION_LABEL, "profession_label"),
            Map.entry(ExtractionColumns.CATEGORY_CODE, "category_code"),
            Map.entry(ExtractionColumns.SKILL_TYPE_CODE, "skill_type_code"), Map.entry(ExtractionColumns.SKILL_CODE, "skill_code"),
            Map.entry(ExtractionColumns.SKILL_LABEL, "skill_label"),
            Map.entry(ExtractionColumns.PRACTICE_MODE_CODE, "practice_mode_code"),
            Map.entry(ExtractionColumns.PRACTICE_MODE_LABEL, "practice_mode_label"), Map.entry(ExtractionColumns.SIRET, "siret"),
            Map.entry(ExtractionColumns.SIREN, "siren"), Map.entry(ExtractionColumns.FINESS_SITE, "finess_site"),
            Map.entry(ExtractionColumns.FINESS_LEGAL, "finess_legal"), Map.entry(ExtractionColumns.STRUCTURE_ID, "structure_id"),
            Map.entry(ExtractionColumns.STRUCTURE_NAME, "structure_name"), Map.entry(ExtractionColumns.TRADE_NAME, "trade_name"),
            Map.entry(ExtractionColumns.POSTAL_CODE, "postal_code"), Map.entry(ExtractionColumns.CITY_CODE, "city_code"),
            Map.entry(ExtractionColumns.CITY, "city"), Map.entry(ExtractionColumns.DEPARTMENT_CODE, "department_code"),
            Map.entry(ExtractionColumns.SECTOR_CODE, "sector_code"), Map.entry(ExtractionColumns.ROLE_CODE, "role_code"),
            Map.entry(ExtractionColumns.ACTIVITY_KIND_CODE, "activity_kind_code"));

    /** Where each entry of {@link #COLUMN_OF_HEADER} is in a row's values (rows carry KEPT's order for speed). */
    private static final int[] VALUE_POSITION = COLUMN_OF_HEADER.stream().mapToInt(entry -> {
        int position = ExtractionColumns.KEPT.indexOf(entry.getKey());
        if (position < 0) {
            throw new IllegalStateException("Column '" + entry.getKey() + "' is stored but not kept by the reader");
        }
        return position;
    }).toArray();

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final String maintenanceWorkMem;

    public PostgresDirectoryStore(DataSource dataSource, String maintenanceWorkMem) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.maintenanceWorkMem = maintenanceWorkMem;
    }

    @Override
    public long recordStart(ImportTrigger trigger, ExtractionSource source, Instant startedAt) {
        return jdbc.sql("""
                        INSERT INTO directory_import (trigger, source, source_size, source_modified_at, status, started_at)
                        VALUES (:trigger, :source, :size, :modified, 'RUNNING', :started) RETURNING id""")
                .param("trigger", trigger.name())
                .param("source", truncate(source.name(), 1000))
                .param("size", source.size() < 0 ? null : source.size())
                .param("modified", source.lastModified() == null ? null : Timestamp.from(source.lastModified()))
                .param("started", Timestamp.from(startedAt))
                .query(Long.class).single();
    }

    @Override
    public LoadSession openLoad(long importId) {
        try {
            return new PostgresLoad(importId, dataSource.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open a connection for directory import " + importId, e);
        }
    }

    @Override
    public void recordOutcome(ImportSummary summary) {
        jdbc.sql("""
                        UPDATE directory_import SET status = :status, encoding = :encoding, finished_at = :finished,
                               rows_read = :read, rows_imported = :imported, rows_rejected = :rejected, failure = :failure,
                               replaced_import_id = :replaced
                        WHERE id = :id""")
                .param("status", summary.status().name())
                .param("encoding", summary.encoding())
                .param("finished", summary.finishedAt() == null ? null : Timestamp.from(summary.finishedAt()))
                .param("read", summary.rowsRead())
                .param("imported", summary.rowsImported())
                .param("rejected", summary.rowsRejected())
                .param("failure", summary.failure())
                .param("replaced", summary.replacedImportId())
                .param("id", summary.id())
                .update();
        jdbc.sql("DELETE FROM directory_import_rejection WHERE import_id = :id").param("id", summary.id()).update();
        for (RowRejection rejection : summary.rejections()) {
            jdbc.sql("INSERT INTO directory_import_rejection (import_id, line_number, reason) VALUES (:id, :line, :reason)")
                    .param("id", summary.id()).param("line", rejection.lineNumber()).param("reason", rejection.reason())
                    .update();
        }
    }

    @Override
    public Optional<ImportSummary> current() {
        return jdbc.sql("SELECT i.* FROM directory_state s JOIN directory_import i ON i.id = s.current_import_id")
                .query((rs, n) -> summary(rs, List.of())).optional();
    }

    @Override
    public Optional<ImportSummary> find(long importId) {
        List<RowRejection> rejections = jdbc.sql("""
                        SELECT line_number, reason FROM directory_import_rejection WHERE import_id = :id ORDER BY line_number""")
                .param("id", importId)
                .query((rs, n) -> new RowRejection(rs.getLong("line_number"), rs.getString("reason"))).list();
        return jdbc.sql("SELECT * FROM directory_import WHERE id = :id").param("id", importId)
                .query((rs, n) -> summary(rs, rejections)).optional();
    }

    @Override
    public List<ImportSummary> recent(int limit) {
        return jdbc.sql("SELECT * FROM directory_import ORDER BY id DESC LIMIT :limit").param("limit", limit)
                .query((rs, n) -> summary(rs, List.of())).list();
    }

    @Override
    public int closeInterruptedImports(Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                if (!tryLock(statement)) {
                    connection.rollback();
                    return 0;
                }
                int closed;
                try (PreparedStatement update = connection.prepareStatement("""
                        UPDATE directory_import SET status = 'FAILED', finished_at = ?,
                               failure = 'INTERRUPTED: the service stopped during the import'
                        WHERE status = 'RUNNING'""")) {
                    update.setTimestamp(1, Timestamp.from(now));
                    closed = update.executeUpdate();
                }
                connection.commit();
                return closed;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close interrupted directory imports", e);
        }
    }

    private static boolean tryLock(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT pg_try_advisory_xact_lock(" + LOAD_LOCK + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static ImportSummary summary(ResultSet rs, List<RowRejection> rejections) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        long replaced = rs.getLong("replaced_import_id");
        Long replacedId = rs.wasNull() ? null : replaced;
        return new ImportSummary(rs.getLong("id"), ImportTrigger.valueOf(rs.getString("trigger")), rs.getString("source"),
                ImportStatus.valueOf(rs.getString("status")), rs.getString("encoding"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getLong("rows_read"), rs.getLong("rows_imported"), rs.getLong("rows_rejected"), rejections,
                rs.getString("failure"), replacedId);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private final class PostgresLoad implements LoadSession {

        private final long importId;
        private final Connection connection;
        private final String table;
        private PGCopyOutputStream copy;
        private Writer out;
        private final StringBuilder line = new StringBuilder(512);
        private boolean published;

        PostgresLoad(long importId, Connection connection) {
            this.importId = importId;
            this.connection = connection;
            this.table = "directory_activity_load_" + importId;
            try {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    if (!tryLock(statement)) {
                        throw new ImportAlreadyRunningException("Another directory import holds the directory");
                    }
                    statement.execute("SET LOCAL maintenance_work_mem = '" + maintenanceWorkMem.replace("'", "") + "'");
                    statement.execute("SET LOCAL lock_timeout = '30s'");
                    statement.execute("CREATE TABLE " + table + " (LIKE directory_activity INCLUDING DEFAULTS)");
                }
                startCopy();
            } catch (SQLException | RuntimeException e) {
                close();
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("Cannot start loading directory import " + importId, e);
            }
        }

        private void startCopy() throws SQLException {
            StringJoiner columns = new StringJoiner(", ", "(", ")");
            columns.add("import_id").add("line_number").add("national_id");
            COLUMN_OF_HEADER.forEach(entry -> columns.add(entry.getValue()));
            String sql = "COPY " + table + " " + columns + " FROM STDIN";
            copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
            out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
        }

        @Override
        public void add(DirectoryRow row) throws IOException {
            line.setLength(0);
            line.append(importId).append('\t').append(row.lineNumber()).append('\t');
            appendValue(row.nationalId());
            String[] values = row.values();
            for (int position : VALUE_POSITION) {
                line.append('\t');
                appendValue(values[position]);
            }
            line.append('\n');
            out.append(line);
        }

        /** COPY text format: backslash escapes, \N for null; NUL characters cannot be stored in text and are dropped. */
        private void appendValue(String value) {
            if (value == null) {
                line.append("\\N");
                return;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    case '\0' -> { }
                    default -> line.append(c);
                }
            }
        }

        @Override
        public void restart() throws IOException {
            try {
                out.flush();
                copy.endCopy();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("TRUNCATE " + table);
                }
                startCopy();
            } catch (SQLException e) {
                throw new IOException("Cannot restart directory import " + importId, e);
            }
        }

        @Override
        public Long publish(ImportSummary summary) throws IOException {
            try {
                out.flush();
                long copied = copy.endCopy();
                long started = System.nanoTime();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE INDEX directory_activity_" + importId + "_national_id ON " + table + " (national_id)");
                    statement.execute("CREATE INDEX directory_activity_" + importId + "_finess_site ON " + table
                            + " (finess_site) WHERE finess_site IS NOT NULL");
                    statement.execute("CREATE INDEX directory_activity_" + importId + "_finess_legal ON " + table
                            + " (finess_legal) WHERE finess_legal IS NOT NULL");
                    statement.execute("ANALYZE " + table);
                    log.info("Directory import {}: {} rows copied, indexed in {} ms; switching", importId, copied,
                            (System.nanoTime() - started) / 1_000_000);
                    Long replaced;
                    try (ResultSet rs = statement.executeQuery("SELECT current_import_id FROM directory_state WHERE id = 1 FOR UPDATE")) {
                        rs.next();
                        long current = rs.getLong(1);
                        replaced = rs.wasNull() ? null : current;
                    }
                    statement.execute("LOCK TABLE directory_activity IN ACCESS EXCLUSIVE MODE");
                    statement.execute("DROP TABLE directory_activity");
                    statement.execute("ALTER TABLE " + table + " RENAME TO directory_activity");
                    try (PreparedStatement state = connection.prepareStatement(
                            "UPDATE directory_state SET current_import_id = ?, row_count = ?, switched_at = now() WHERE id = 1")) {
                        state.setLong(1, importId);
                        state.setLong(2, copied);
                        state.executeUpdate();
                    }
                    recordCompleted(summary, replaced);
                    connection.commit();
                    published = true;
                    return replaced;
                }
            } catch (SQLException e) {
                throw new IOException("Directory import " + importId + " could not be switched in: " + e.getMessage(), e);
            }
        }

        private void recordCompleted(ImportSummary summary, Long replaced) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE directory_import SET status = 'COMPLETED', encoding = ?, finished_at = clock_timestamp(), rows_read = ?,
                           rows_imported = ?, rows_rejected = ?, replaced_import_id = ?
                    WHERE id = ?""")) {
                update.setString(1, summary.encoding());
                update.setLong(2, summary.rowsRead());
                update.setLong(3, summary.rowsImported());
                update.setLong(4, summary.rowsRejected());
                update.setObject(5, replaced);
                update.setLong(6, importId);
                update.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO directory_import_rejection (import_id, line_number, reason) VALUES (?, ?, ?)")) {
                List<RowRejection> rejections = new ArrayList<>(summary.rejections());
                for (RowRejection rejection : rejections) {
                    insert.setLong(1, importId);
                    insert.setLong(2, rejection.lineNumber());
                    insert.setString(3, rejection.reason());
                    insert.addBatch();
                }
                if (!rejections.isEmpty()) {
                    insert.executeBatch();
                }
            }
        }

        @Override
        public void close() {
            try {
                if (!published) {
                    if (copy != null && copy.isActive()) {
                        try {
                            copy.cancelCopy();
                        } catch (SQLException e) {
                            log.debug("Directory import {}: cancelling COPY: {}", importId, e.toString());
                        }
                    }
                    connection.rollback();
                }
            } catch (SQLException e) {
                log.warn("Directory import {}: rollback failed: {}", importId, e.toString());
            } finally {
                try {
                    connection.setAutoCommit(true);
                    connection.close();
                } catch (SQLException e) {
                    log.warn("Directory import {}: closing the connection failed: {}", importId, e.toString());
                }
            }
        }
    }
}
