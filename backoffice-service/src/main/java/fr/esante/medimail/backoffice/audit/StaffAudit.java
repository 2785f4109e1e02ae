package fr.esante.medimail.backoffice.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what staff do, in the transaction of the action itself: an action is kept if and only if its record is.
 * Actions: REVIEW_APPROVED, REVIEW_REJECTED, IDENTITY_CONFIRMED, IDENTITY_REFUSED, ACCOUNT_CLOSED, ACCOUNT_REOPENED,
 * CONTACT_CORRECTED, NAME_CORRECTED, QUEUE_EXPORTED, DECISIONS_EXPORTED, DIRECTORY_REPUBLISHED; and, recorded for
 * registration-service when it refuses a staff correction, NAME_CORRECTION_REFUSED and CONTACT_CORRECTION_REFUSED.
 */
@Service
public class StaffAudit {

    private final AuditTrail trail;
    private final Clock clock;

    public StaffAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String staff, String action, String subjectType, Object subjectId,
                       Map<String, Object> before, Map<String, Object> after) {
        trail.append(now(), staff, action, subjectType, String.valueOf(subjectId), before, after);
    }

    /** For actions that change nothing (exports): recorded in a transaction of their own when none is running. */
    @Transactional
    public void recordReading(String staff, String action, String subjectType, String subjectId, Map<String, Object> details) {
        trail.append(now(), staff, action, subjectType, subjectId, Map.of(), details);
    }

    @Transactional(readOnly = true)
    public List<AuditRecord> list(String subjectId, int limit) {
        return trail.list(subjectId, limit);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
