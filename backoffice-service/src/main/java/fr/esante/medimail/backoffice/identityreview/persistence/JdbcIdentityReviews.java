package fr.esante.medimail.backoffice.identityreview.persistence;

import static fr.esante.medimail.backoffice.persistence.SqlTimestamps.instant;
import static fr.esante.medimail.backoffice.persistence.SqlTimestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.backoffice.identityreview.IdentityReview;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewRequest;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewStatus;
import fr.esante.medimail.backoffice.identityreview.IdentityReviews;

/** Identity reviews in PostgreSQL ({@code identity_review}), with the applicant's e-mail when the back office has it. */
@Repository
class JdbcIdentityReviews implements IdentityReviews {

    private static final String SELECT = """
            SELECT r.*, a.email AS applicant_email
            FROM identity_review r LEFT JOIN applicant a ON a.account_id = r.account_id
            """;

    private final JdbcClient jdbc;

    JdbcIdentityReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean open(UUID reviewId, IdentityReviewRequest request) {
        // decision_id is unique: a decision has one review, however often its request is delivered.
        return jdbc.sql("""
                        INSERT INTO identity_review (id, decision_id, account_id, requested_at, reason, detail, path,
                               declared_last_name, declared_first_name, directory_last_name, directory_first_name,
                               identifier_type, identifier, profession, source, directory_import_id, live_failure,
                               evidence, status)
                        VALUES (:id, :decisionId, :accountId, :requestedAt, :reason, :detail, :path, :declaredLast,
                                :declaredFirst, :directoryLast, :directoryFirst, :identifierType, :identifier,
                                :profession, :source, :importId, :liveFailure, :evidence, 'PENDING')
                        ON CONFLICT (decision_id) DO NOTHING""")
                .param("id", reviewId)
                .param("decisionId", request.decisionId())
                .param("accountId", request.accountId())
                .param("requestedAt", timestamp(request.requestedAt()))
                .param("reason", request.reason())
                .param("detail", request.detail())
                .param("path", request.path())
                .param("declaredLast", request.declaredLastName())
                .param("declaredFirst", request.declaredFirstName())
                .param("directoryLast", request.directoryLastName())
                .param("directoryFirst", request.directoryFirstName())
                .param("identifierType", request.identifierType())
                .param("identifier", request.identifier())
                .param("profession", request.profession())
                .param("source", request.source())
                .param("importId", request.directoryImportId())
                .param("liveFailure", request.liveFailure())
                .param("evidence", request.evidence())
                .update() == 1;
    }

    @Override
    public Optional<IdentityReview> find(UUID reviewId) {
        return jdbc.sql(SELECT + "WHERE r.id = :id").param("id", reviewId).query(JdbcIdentityReviews::row).optional();
    }

    @Override
    public List<IdentityReview> list(Set<IdentityReviewStatus> statuses) {
        return jdbc.sql(SELECT + "WHERE r.status IN (:statuses) ORDER BY r.requested_at, r.id")
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(JdbcIdentityReviews::row)
                .list();
    }

    @Override
    public boolean conclude(UUID reviewId, IdentityReviewStatus outcome, Instant at, String by, String refusalReason) {
        return jdbc.sql("""
                        UPDATE identity_review SET status = :status, decided_at = :at, decided_by = :by,
                               refusal_reason = :reason
                        WHERE id = :id AND status = 'PENDING'""")
                .param("status", outcome.name())
                .param("at", timestamp(at))
                .param("by", by)
                .param("reason", refusalReason)
                .param("id", reviewId)
                .update() == 1;
    }

    private static IdentityReview row(ResultSet rs, int n) throws SQLException {
        Long importId = rs.getObject("directory_import_id", Long.class);
        IdentityReviewRequest request = new IdentityReviewRequest(rs.getObject("decision_id", UUID.class),
                rs.getObject("account_id", UUID.class), instant(rs, "requested_at"), rs.getString("reason"),
                rs.getString("detail"), rs.getString("path"), rs.getString("declared_last_name"),
                rs.getString("declared_first_name"), rs.getString("directory_last_name"),
                rs.getString("directory_first_name"), rs.getString("identifier_type"), rs.getString("identifier"),
                rs.getString("profession"), rs.getString("source"), importId,
                rs.getString("live_failure"), rs.getString("evidence"));
        return new IdentityReview(rs.getObject("id", UUID.class), request, rs.getString("applicant_email"),
                IdentityReviewStatus.valueOf(rs.getString("status")), instant(rs, "decided_at"),
                rs.getString("decided_by"), rs.getString("refusal_reason"));
    }
}
