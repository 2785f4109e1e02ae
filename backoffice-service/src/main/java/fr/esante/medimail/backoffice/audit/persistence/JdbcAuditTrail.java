package fr.esante.medimail.backoffice.audit.persistence;

import static fr.esante.medimail.backoffice.persistence.SqlTimestamps.instant;
import static fr.esante.medimail.backoffice.persistence.SqlTimestamps.timestamp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.backoffice.audit.AuditRecord;
import fr.esante.medimail.backoffice.audit.AuditTrail;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail in PostgreSQL ({@code staff_audit_record}, before/after as JSONB). */
@Repository
class JdbcAuditTrail implements AuditTrail {

    private static final TypeReference<LinkedHashMap<String, Object>> STATE = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcAuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void append(Instant at, String staff, String action, String subjectType, String subjectId,
                       Map<String, Object> before, Map<String, Object> after) {
        jdbc.sql("""
                        INSERT INTO staff_audit_record (occurred_at, staff, action, subject_type, subject_id, before_state, after_state)
                        VALUES (:at, :staff, :action, :subjectType, :subjectId, CAST(:before AS JSONB), CAST(:after AS JSONB))""")
                .param("at", timestamp(at)).param("staff", staff).param("action", action)
                .param("subjectType", subjectType).param("subjectId", subjectId)
                .param("before", json.writeValueAsString(before)).param("after", json.writeValueAsString(after))
                .update();
    }

    @Override
    public List<AuditRecord> list(String subjectId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM staff_audit_record
                        WHERE CAST(:subjectId AS TEXT) IS NULL OR subject_id = :subjectId OR after_state ->> 'accountId' = :subjectId
                        ORDER BY id DESC LIMIT :limit""")
                .param("subjectId", subjectId).param("limit", limit)
                .query((rs, n) -> new AuditRecord(rs.getLong("id"), instant(rs, "occurred_at"), rs.getString("staff"),
                        rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                        state(rs.getString("before_state")), state(rs.getString("after_state"))))
                .list();
    }

    private Map<String, Object> state(String text) {
        return text == null ? Map.of() : json.readValue(text, STATE);
    }
}
