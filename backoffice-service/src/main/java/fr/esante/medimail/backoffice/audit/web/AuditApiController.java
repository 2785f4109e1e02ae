package fr.esante.medimail.backoffice.audit.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.backoffice.audit.AuditRecord;
import fr.esante.medimail.backoffice.audit.StaffAudit;
import fr.esante.medimail.support.web.ApiProblem;
import fr.esante.medimail.backoffice.BackofficeApplication;
import fr.esante.medimail.support.texts.UserTexts;

/** The staff audit trail, read-only (HTTP Basic, role REVIEWER): newest first, optionally about one subject. */
@RestController
class AuditApiController {

    private static final UserTexts TEXTS = UserTexts.of(BackofficeApplication.NAME);

    static final int MAX_LIMIT = 1000;

    private final StaffAudit audit;

    AuditApiController(StaffAudit audit) {
        this.audit = audit;
    }

    /** {@code subjectId}: a review, identity review or account id; {@code limit}: 1 to 1000, default 100. */
    @GetMapping("/api/v1/audit-records")
    List<AuditRecord> list(@RequestParam(required = false) String subjectId, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.invalidField("limit", "INVALID_VALUE", TEXTS.text("audit.limit.invalid"));
        }
        return audit.list(subjectId == null || subjectId.isBlank() ? null : subjectId.strip(), limit);
    }
}
