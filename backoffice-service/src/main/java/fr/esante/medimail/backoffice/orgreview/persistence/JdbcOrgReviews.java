package fr.esante.medimail.backoffice.orgreview.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.backoffice.orgreview.OrgReview;
import fr.esante.medimail.backoffice.orgreview.OrgReviews;

/** Table {@code org_review}; a decision is a conditional UPDATE, so of two staff deciding at once one wins. */
@Repository
class JdbcOrgReviews implements OrgReviews {

    private final JdbcClient jdbc;

    JdbcOrgReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean open(OrgReview r) {
        return jdbc.sql("""
                        INSERT INTO org_review (id, request_id, requester_account_id, requester_registration_id,
                            requester_last_name, requester_first_name, requester_email, label, structure_identifier_type,
                            structure_identifier, structure_name, purpose, mss_address, status, submitted_at)
                        VALUES (:id, :requestId, :account, :registrationId, :lastName, :firstName, :email, :label, :type,
                            :identifier, :structureName, :purpose, :address, 'PENDING', :submittedAt)
                        ON CONFLICT (request_id) DO NOTHING""")
                .param("id", r.id()).param("requestId", r.requestId()).param("account", r.requesterAccountId())
                .param("registrationId", r.requesterRegistrationId()).param("lastName", r.requesterLastName())
                .param("firstName", r.requesterFirstName()).param("email", r.requesterEmail()).param("label", r.label())
                .param("type", r.structureIdentifierType()).param("identifier", r.structureIdentifier())
                .param("structureName", r.structureName()).param("purpose", r.purpose()).param("address", r.mssAddress())
                .param("submittedAt", Timestamp.from(r.submittedAt()))
                .update() == 1;
    }

    @Override
    public Optional<OrgReview> find(UUID id) {
        return jdbc.sql("SELECT * FROM org_review WHERE id = :id").param("id", id).query(JdbcOrgReviews::row).optional();
    }

    @Override
    public List<OrgReview> list(List<String> statuses) {
        return jdbc.sql("SELECT * FROM org_review WHERE status IN (:statuses) ORDER BY submitted_at, id")
                .param("statuses", statuses).query(JdbcOrgReviews::row).list();
    }

    @Override
    public boolean decide(UUID id, String from, String to, Instant at, String staff, String rejectionReason) {
        return jdbc.sql("""
                        UPDATE org_review SET status = :to, decided_at = :at, decided_by = :staff,
                            rejection_reason = COALESCE(:reason, rejection_reason)
                        WHERE id = :id AND status = :from""")
                .param("to", to).param("at", Timestamp.from(at)).param("staff", staff).param("reason", rejectionReason)
                .param("id", id).param("from", from)
                .update() == 1;
    }

    private static OrgReview row(ResultSet rs, int n) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new OrgReview(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
                rs.getObject("requester_account_id", UUID.class), rs.getString("requester_registration_id"),
                rs.getString("requester_last_name"), rs.getString("requester_first_name"), rs.getString("requester_email"),
                rs.getString("label"), rs.getString("structure_identifier_type"), rs.getString("structure_identifier"),
                rs.getString("structure_name"), rs.getString("purpose"), rs.getString("mss_address"), rs.getString("status"),
                rs.getTimestamp("submitted_at").toInstant(), decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString("decided_by"), rs.getString("rejection_reason"));
    }
}
