package fr.esante.medimail.backoffice.export.persistence;

import static fr.esante.medimail.backoffice.persistence.SqlTimestamps.instant;
import static fr.esante.medimail.backoffice.persistence.SqlTimestamps.timestamp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.backoffice.export.ExportedReview;
import fr.esante.medimail.backoffice.export.ReviewExports;

/**
 * Streams reviews from PostgreSQL with server-side cursors: inside a transaction, with a fetch size, the driver
 * holds {@value #FETCH_SIZE} rows per cursor at a time, whatever the size of the result.
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
        // One UNION ALL ordered by decided_at made PostgreSQL read both million-row tables whole, hash them and sort the
        // result on disk (200 MB) before the first row left. Each kind alone, without sorts, walks its decided_at index
        // (review_decided, org_review_decided) and fetches each applicant by its key; the two ordered cursors are merged
        // here. SET LOCAL ends with this read-only transaction.
        jdbc.execute("SET LOCAL enable_sort = off");
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            // A closed ORG mailbox was approved first: its decision stays in the period it was taken.
            try (PreparedStatement accounts = cursor(connection, ACCOUNT_ROWS + DECIDED_ACCOUNTS, from, to);
                 PreparedStatement orgs = cursor(connection, ORG_ROWS + DECIDED_ORGS, from, to);
                 ResultSet accountRows = accounts.executeQuery();
                 ResultSet orgRows = orgs.executeQuery()) {
                ExportedReview account = accountRows.next() ? row(accountRows) : null;
                ExportedReview org = orgRows.next() ? row(orgRows) : null;
                while (account != null || org != null) {
                    if (org == null || (account != null && DECISION_ORDER.compare(account, org) <= 0)) {
                        sink.accept(account);
                        account = accountRows.next() ? row(accountRows) : null;
                    } else {
                        sink.accept(org);
                        org = orgRows.next() ? row(orgRows) : null;
                    }
                }
            }
            return null;
        });
    }

    static final String DECIDED_ACCOUNTS = "WHERE r.status IN ('APPROVED', 'REJECTED') AND r.decided_at >= ? AND r.decided_at < ?"
            + " ORDER BY r.decided_at, r.id";
    static final String DECIDED_ORGS = "WHERE o.status IN ('APPROVED', 'REJECTED', 'CLOSED') AND o.decided_at >= ?"
            + " AND o.decided_at < ? ORDER BY o.decided_at, o.id";

    /** PostgreSQL's order: a uuid compares byte by byte, as its lower-case text does. */
    private static final Comparator<ExportedReview> DECISION_ORDER = Comparator.comparing(ExportedReview::decidedAt)
            .thenComparing(r -> r.reviewId().toString());

    private static PreparedStatement cursor(Connection connection, String sql, Instant from, Instant to) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(FETCH_SIZE);
        statement.setObject(1, timestamp(from));
        statement.setObject(2, timestamp(to));
        return statement;
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
