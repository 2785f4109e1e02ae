package fr.esante.medimail.backoffice.review.persistence;

import static fr.esante.medimail.backoffice.persistence.SqlTimestamps.instant;
import static fr.esante.medimail.backoffice.persistence.SqlTimestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.backoffice.applicant.ApplicantFile;
import fr.esante.medimail.backoffice.applicant.ApplicantFiles;
import fr.esante.medimail.backoffice.review.AccountAlreadyValidated;
import fr.esante.medimail.backoffice.review.Decision;
import fr.esante.medimail.backoffice.review.QueuePage;
import fr.esante.medimail.backoffice.review.QueueQuery;
import fr.esante.medimail.backoffice.review.Review;
import fr.esante.medimail.backoffice.review.ReviewCase;
import fr.esante.medimail.backoffice.review.ReviewStatus;
import fr.esante.medimail.backoffice.review.Reviews;

/**
 * Reviews in PostgreSQL ({@code review}). The queue is filtered in SQL, on the review's copies of the applicant's
 * region, profession, path and mailbox type (kept by triggers, V350) and, for a search, on the applicant's search text;
 * the files themselves are read through {@link ApplicantFiles}, the applicant feature's port, in one more query.
 */
@Repository
class JdbcReviews implements Reviews {

    private static final String REVIEW_COLUMNS = """
            r.id AS review_id, r.account_id AS review_account_id, r.status AS review_status,
            r.submitted_at AS review_submitted_at, r.opened_at AS review_opened_at, r.decided_at AS review_decided_at,
            r.decided_by AS review_decided_by, r.rejection_reason AS review_rejection_reason""";

    private static final String CASES = "SELECT " + REVIEW_COLUMNS
            + " FROM review r JOIN applicant a ON a.account_id = r.account_id ";

    /** Trigrams need 3 characters: shorter search terms do without the index. */
    static final int MIN_INDEXED_SEARCH = 3;

    private final JdbcClient jdbc;
    private final ApplicantFiles files;

    JdbcReviews(JdbcClient jdbc, ApplicantFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    @Override
    public boolean open(UUID reviewId, UUID accountId, Instant submittedAt) {
        // ON CONFLICT DO NOTHING covers both guards: one review per submission, one pending review per account.
        return jdbc.sql("""
                        INSERT INTO review (id, account_id, submitted_at, status)
                        VALUES (:id, :accountId, :submittedAt, 'PENDING')
                        ON CONFLICT DO NOTHING""")
                .param("id", reviewId)
                .param("accountId", accountId)
                .param("submittedAt", timestamp(submittedAt))
                .update() == 1;
    }

    @Override
    public List<Review> ofAccount(UUID accountId) {
        return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM review r WHERE r.account_id = :accountId ORDER BY r.submitted_at")
                .param("accountId", accountId)
                .query((rs, n) -> review(rs))
                .list();
    }

    @Override
    public Optional<ReviewCase> find(UUID reviewId) {
        List<Review> rows = jdbc.sql(CASES + "WHERE r.id = :id").param("id", reviewId).query(JdbcReviews::row).list();
        return cases(rows).stream().findFirst();
    }

    @Override
    public List<ReviewCase> list(Set<ReviewStatus> statuses) {
        List<Review> rows = jdbc.sql(CASES + "WHERE r.status IN (:statuses) ORDER BY r.submitted_at, r.id")
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(JdbcReviews::row)
                .list();
        return cases(rows);
    }

    @Override
    public QueuePage pending(QueueQuery query, int limit, Instant overdueBefore) {
        StringBuilder where = new StringBuilder("WHERE r.status = 'PENDING'");
        Map<String, Object> params = new java.util.HashMap<>();
        // The filters read the review's own copies of the applicant's columns (V350): page and count stay in the
        // index of the pending items, review_pending_filters.
        if ("ORG".equals(query.kind())) {
            where.append(" AND r.mailbox_type = 'ORG'");
        } else if ("ACCOUNT".equals(query.kind())) {
            where.append(" AND r.mailbox_type IS DISTINCT FROM 'ORG'");
        }
        if (query.region() != null) {
            where.append(" AND r.region = :region");
            params.put("region", query.region());
        }
        if (query.profession() != null) {
            where.append(" AND r.profession = :profession");
            params.put("profession", query.profession());
        }
        if (query.path() != null) {
            where.append(" AND r.path = :path");
            params.put("path", query.path());
        }
        // A search term of 3 characters or more goes through the trigram index of applicant.search_text (V130): it
        // finds the few matching applicants among a million, then their pending review by its key. A shorter one
        // cannot use trigrams: it is looked for in the pending files only.
        boolean indexedSearch = query.text() != null && query.text().length() >= MIN_INDEXED_SEARCH;
        if (query.text() != null) {
            String escaped = query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            if (indexedSearch) {
                where.append(" AND a.search_text LIKE :text");
                params.put("text", "%" + escaped.toLowerCase(java.util.Locale.ROOT) + "%");
            } else {
                where.append("""
                         AND (a.first_name || ' ' || a.last_name ILIKE :text OR a.last_name || ' ' || a.first_name ILIKE :text
                              OR a.email ILIKE :text OR a.identifier ILIKE :text OR a.verified_identifier ILIKE :text
                              OR a.mss_address ILIKE :text)""");
                params.put("text", "%" + escaped + "%");
            }
        }
        // Only a search needs the applicant's columns; the page's files are read afterwards by their keys.
        String from = query.text() == null ? "FROM review r "
                : "FROM review r JOIN applicant a ON a.account_id = r.account_id ";
        List<Review> rows = jdbc.sql("SELECT " + REVIEW_COLUMNS + " " + from + where
                        + " ORDER BY r.submitted_at, r.id LIMIT :limit")
                .params(params).param("limit", limit)
                .query(JdbcReviews::row)
                .list();
        record Counts(long total, long overdue) {
        }
        Counts counts = jdbc.sql("SELECT count(*) AS total, count(*) FILTER (WHERE r.submitted_at < :overdueBefore) AS overdue "
                        + from + where)
                .params(params).param("overdueBefore", timestamp(overdueBefore))
                .query((rs, n) -> new Counts(rs.getLong("total"), rs.getLong("overdue")))
                .single();
        return new QueuePage(cases(rows), counts.total(), counts.overdue());
    }

    @Override
    public boolean decide(UUID reviewId, Decision decision) {
        try {
            return jdbc.sql("""
                            UPDATE review SET status = :status, decided_at = :decidedAt, decided_by = :decidedBy,
                                rejection_reason = :reason
                            WHERE id = :id AND status = 'PENDING'""")
                    .param("status", decision.outcome().name())
                    .param("decidedAt", timestamp(decision.decidedAt()))
                    .param("decidedBy", decision.decidedBy())
                    .param("reason", decision.rejectionReason())
                    .param("id", reviewId)
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            // Databases migrated before V300 kept review_one_approval_per_account: another review was approved.
            UUID accountId = jdbc.sql("SELECT account_id FROM review WHERE id = :id").param("id", reviewId)
                    .query(UUID.class).single();
            throw new AccountAlreadyValidated(accountId);
        }
    }

    /** The reviews with their applicants' files, read in one more query. */
    private List<ReviewCase> cases(List<Review> rows) {
        Set<UUID> accountIds = new LinkedHashSet<>();
        rows.forEach(row -> accountIds.add(row.accountId()));
        Map<UUID, ApplicantFile> filesByAccount = files.findAll(accountIds);
        return rows.stream()
                .filter(row -> filesByAccount.containsKey(row.accountId()))
                .map(row -> new ReviewCase(row, filesByAccount.get(row.accountId())))
                .toList();
    }

    private static Review row(ResultSet rs, int n) throws SQLException {
        return review(rs);
    }

    private static Review review(ResultSet rs) throws SQLException {
        return new Review(rs.getObject("review_id", UUID.class), rs.getObject("review_account_id", UUID.class),
                ReviewStatus.valueOf(rs.getString("review_status")), instant(rs, "review_submitted_at"),
                instant(rs, "review_opened_at"), instant(rs, "review_decided_at"), rs.getString("review_decided_by"),
                rs.getString("review_rejection_reason"));
    }
}
