package fr.esante.medimail.backoffice.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One staff action: who did what ({@code action}, e.g. REVIEW_APPROVED) to what ({@code subjectType} and
 * {@code subjectId}), when, and the state before and after (empty maps where there is none, e.g. an export).
 */
public record AuditRecord(long id, Instant occurredAt, String staff, String action, String subjectType, String subjectId,
                          Map<String, Object> before, Map<String, Object> after) {

    public AuditRecord {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        before = before == null ? Map.of() : before;
        after = after == null ? Map.of() : after;
    }
}
