package fr.esante.medimail.backoffice.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** TIMESTAMPTZ columns and parameters, for the persistence adapters of every feature of the back office. */
public final class SqlTimestamps {

    private SqlTimestamps() {
    }

    /** A TIMESTAMPTZ column as an instant (through OffsetDateTime: no detour via the JVM's time zone). */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** An instant as a TIMESTAMPTZ parameter. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
