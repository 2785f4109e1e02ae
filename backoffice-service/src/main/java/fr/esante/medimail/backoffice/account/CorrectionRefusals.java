package fr.esante.medimail.backoffice.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.backoffice.audit.StaffAudit;

/**
 * registration-service, which owns names and contact details and the rules on them, refused a correction staff
 * requested (StaffCorrectionRefused). The back office records it in the account's audit trail, where staff see it in
 * French next to their own request; nothing else changes here.
 */
@Service
public class CorrectionRefusals {

    /** Who the audit trail names as the author of a refusal. */
    public static final String REFUSED_BY = "registration-service";

    private static final Logger log = LoggerFactory.getLogger(CorrectionRefusals.class);

    /**
     * @param kind NAMES or CONTACT
     * @param reason FIELD_NOT_ACCEPTABLE, ACCOUNT_UNKNOWN, ACCOUNT_NOT_VALIDATED, ACCOUNT_CLOSED
     * @param field with FIELD_NOT_ACCEPTABLE, the field refused, else null
     * @param problem with FIELD_NOT_ACCEPTABLE, why, else null
     */
    public record Refusal(UUID accountId, UUID requestId, String requestedBy, String kind, String reason, String field,
                          String problem) {
    }

    private final StaffAudit audit;

    public CorrectionRefusals(StaffAudit audit) {
        this.audit = audit;
    }

    /** In the consumer's transaction, which also records the event id: a redelivery records nothing twice. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refused(Refusal refusal) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("reason", refusal.reason());
        if (refusal.field() != null) {
            after.put("field", refusal.field());
        }
        if (refusal.problem() != null) {
            after.put("problem", refusal.problem());
        }
        after.put("requestedBy", refusal.requestedBy());
        after.put("requestEventId", refusal.requestId().toString());
        audit.record(REFUSED_BY, "NAMES".equals(refusal.kind()) ? "NAME_CORRECTION_REFUSED" : "CONTACT_CORRECTION_REFUSED",
                "ACCOUNT", refusal.accountId(), Map.of(), after);
        log.warn("Registration-service refused the {} correction of account {} by {}: {} {} {}", refusal.kind(),
                refusal.accountId(), refusal.requestedBy(), refusal.reason(),
                refusal.field() == null ? "" : refusal.field(), refusal.problem() == null ? "" : refusal.problem());
    }
}
