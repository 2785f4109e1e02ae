package fr.esante.medimail.backoffice.export.persistence;

import static fr.esante.medimail.backoffice.persistence.SqlTimestamps.instant;
import static fr.esante.medimail.backoffice.persistence.SqlTimestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.backoffice.export.ExportedReview;
import fr.esante.medimail.backoffice.export.ReviewExports;

/**
 * Streams reviews from PostgreSQL with a server-side cursor: inside a transaction, with a fetch size, the driver
 * holds {@value #FETCH_SIZE} rows at a time, whatever the size of the result.
 */
@Repository
class JdbcReviewExports implements ReviewExports {

    static final int FETCH_SIZE = 1000;

    private static final String ACCOUNT_ROWS = """
            SELECT r.id, r.account_id, r.status, r.submitted_at, r.decided_at, r.decided_by, r.rejection_reason,
                a.last_name, a.first_name, a.email, a.profession,
                COALESCE(a.verified_identifier_type, a.identifier_type) AS identifier_type,
                COALESCE(a.verified_identifier, a.identifier) AS identifier, a.mss_address,
                COALESCE(a.mailbox_type, a.verified_mailbox_type) AS mailbox_type, a.region
            FROM review r JOIN applicant a ON a.account_id = r.account_id
            """;

    /** ORG requests in the same columns: the requester's names and e-mail, the structure's identifier. */
    private static final String ORG_ROWS = """
            SELECT o.id, o.requester_account_id AS account_id, o.status, o.submitted_at, o.decided_at, o.decided_by,
                o.rejection_reason, o.requester_last_name AS last_name, o.requester_first_name AS first_name,
                o.requester_email AS email, NULL AS profession, o.structure_identifier_type AS identifier_type,
                o.structure_identifier AS identifier, o.mss_address, 'ORG' AS mailbox_type, NULL AS region
            FROM org_review o
            """;

    private final JdbcTemplate jdbc;

    JdbcReviewExports(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    @Override
    @Transactional(readOnly = true)
    public void eachPending(Consumer<ExportedReview> sink) {
        jdbc.query("SELECT * FROM (" + ACCOUNT_ROWS + "WHERE r.status = 'PENDING' UNION ALL " + ORG_ROWS
                + "WHERE o.status = 'PENDING') items ORDER BY submitted_at, id", handler(sink));
    }

    @Override
    @Transactional(readOnly = true)
    public void eachDecided(Instant from, Instant to, Consumer<ExportedReview> sink) {
        // Over a long period the planner prefers reading both million-row tables whole, hashing them and sorting the
        // result on disk (a 200 MB external sort before the first row). Without sorts it walks the decided_at indexes
        // (review_decided, org_review_decided) merged in order and fetches each applicant by its key: the first rows
        // leave at once and nothing grows with the period. SET LOCAL ends with this read-only transaction.
        jdbc.execute("SET LOCAL enable_sort = off");
        // A closed ORG mailbox was approved first: its decision stays in the period it was taken.
        jdbc.query("SELECT * FROM (" + ACCOUNT_ROWS
                        + "WHERE r.status IN ('APPROVED', 'REJECTED') AND r.decided_at >= ? AND r.decided_at < ? UNION ALL "
                        + ORG_ROWS + "WHERE o.status IN ('APPROVED', 'REJECTED', 'CLOSED') AND o.decided_at >= ? AND o.decided_at < ?"
                        + ") decisions ORDER BY decided_at, id",
                handler(sink), timestamp(from), timestamp(to), timestamp(from), timestamp(to));
    }

    private static RowCallbackHandler handler(Consumer<ExportedReview> sink) {
        return rs -> sink.accept(row(rs));
    }

    private static ExportedReview row(ResultSet rs) throws SQLException {
        return new ExportedReview(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("status"), instant(rs, "submitted_at"), instant(rs, "decided_at"), rs.getString("decided_by"),
                rs.getString("rejection_reason"), rs.getString("last_name"), rs.getString("first_name"),
                rs.getString("email"), rs.getString("profession"), rs.getString("identifier_type"),
                rs.getString("identifier"), rs.getString("mss_address"), rs.getString("mailbox_type"), rs.getString("region"));
    }
}
