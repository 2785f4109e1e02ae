package fr.esante.medimail.backoffice.promise.persistence;

import static fr.esante.medimail.backoffice.persistence.SqlTimestamps.instant;
import static fr.esante.medimail.backoffice.persistence.SqlTimestamps.timestamp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.backoffice.promise.WaitingItem;
import fr.esante.medimail.backoffice.promise.WaitingItems;

/** The queue's pending items (tables {@code review}, {@code identity_review}, {@code org_review}) and {@code promise_reminder}. */
@Repository
class JdbcWaitingItems implements WaitingItems {

    private final JdbcClient jdbc;

    JdbcWaitingItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WaitingItem> withoutReminderWaitingSince(Instant threshold, int limit) {
        return jdbc.sql("""
                        SELECT * FROM (
                            SELECT 'ACCOUNT' AS kind, r.id, r.account_id, r.submitted_at AS waiting_since, a.last_name,
                                a.first_name, a.email, COALESCE(a.verified_identifier_type, a.identifier_type) AS identifier_type,
                                COALESCE(a.verified_identifier, a.identifier) AS identifier
                            FROM review r JOIN applicant a ON a.account_id = r.account_id
                            WHERE r.status = 'PENDING' AND r.submitted_at < :threshold
                              AND NOT EXISTS (SELECT 1 FROM promise_reminder p WHERE p.item_kind = 'ACCOUNT' AND p.item_id = r.id)
                            UNION ALL
                            SELECT 'IDENTITY', i.id, i.account_id, i.requested_at, i.declared_last_name, i.declared_first_name,
                                NULL, i.identifier_type, i.identifier
                            FROM identity_review i
                            WHERE i.status = 'PENDING' AND i.requested_at < :threshold
                              AND NOT EXISTS (SELECT 1 FROM promise_reminder p WHERE p.item_kind = 'IDENTITY' AND p.item_id = i.id)
                            UNION ALL
                            SELECT 'ORG', o.id, o.requester_account_id, o.submitted_at, o.requester_last_name,
                                o.requester_first_name, o.requester_email, o.structure_identifier_type, o.structure_identifier
                            FROM org_review o
                            WHERE o.status = 'PENDING' AND o.submitted_at < :threshold
                              AND NOT EXISTS (SELECT 1 FROM promise_reminder p WHERE p.item_kind = 'ORG' AND p.item_id = o.id)
                        ) items ORDER BY waiting_since LIMIT :limit""")
                .param("threshold", timestamp(threshold)).param("limit", limit)
                .query((rs, n) -> new WaitingItem(rs.getString("kind"), rs.getObject("id", UUID.class),
                        rs.getObject("account_id", UUID.class), instant(rs, "waiting_since"), rs.getString("last_name"),
                        rs.getString("first_name"), rs.getString("email"), rs.getString("identifier_type"),
                        rs.getString("identifier")))
                .list();
    }

    @Override
    public boolean reminded(WaitingItem item, Instant at) {
        return jdbc.sql("INSERT INTO promise_reminder (item_kind, item_id, sent_at) VALUES (:kind, :id, :at) ON CONFLICT DO NOTHING")
                .param("kind", item.kind()).param("id", item.id()).param("at", timestamp(at)).update() == 1;
    }

    @Override
    public long pending(String kind) {
        return jdbc.sql("SELECT count(*) FROM " + table(kind) + " WHERE status = 'PENDING'")
                .query(Long.class).single();
    }

    @Override
    public Instant oldestWaitingSince(String kind) {
        String column = "IDENTITY".equals(kind) ? "requested_at" : "submitted_at";
        return jdbc.sql("SELECT min(" + column + ") AS oldest FROM " + table(kind) + " WHERE status = 'PENDING'")
                .query((rs, n) -> instant(rs, "oldest")).single();
    }

    @Override
    public long decidedSince(Instant since) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM review WHERE decided_at >= :since)
                             + (SELECT count(*) FROM identity_review WHERE decided_at >= :since)
                             + (SELECT count(*) FROM org_review WHERE decided_at >= :since)""")
                .param("since", timestamp(since)).query(Long.class).single();
    }

    private static String table(String kind) {
        return switch (kind) {
            case "ACCOUNT" -> "review";
            case "IDENTITY" -> "identity_review";
            case "ORG" -> "org_review";
            default -> throw new IllegalArgumentException("Unknown kind " + kind);
        };
    }
}
