package fr.esante.medimail.backoffice.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The staff audit trail: append-only (the database refuses any change or removal of a record). */
public interface AuditTrail {

    void append(Instant at, String staff, String action, String subjectType, String subjectId,
                Map<String, Object> before, Map<String, Object> after);

    /**
     * Records about this subject (or all when null), newest first, at most {@code limit}; for an account id, also the
     * decisions on its reviews (its history).
     */
    List<AuditRecord> list(String subjectId, int limit);
}
