package fr.esante.medimail.backoffice.audit.web;

import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import fr.esante.medimail.backoffice.audit.StaffAudit;
import fr.esante.medimail.backoffice.BackofficeApplication;
import fr.esante.medimail.support.texts.UserTexts;

/** The staff page of the audit trail (role REVIEWER): the latest actions, newest first, read-only. */
@Controller
class AuditPageController {

    private static final UserTexts TEXTS = UserTexts.of(BackofficeApplication.NAME);

    static final DateTimeFormatter FRENCH_DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm:ss", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));
    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("REVIEW_APPROVED", TEXTS.text("audit.action.review-approved")), Map.entry("REVIEW_REJECTED", TEXTS.text("audit.action.review-rejected")),
            Map.entry("IDENTITY_CONFIRMED", TEXTS.text("audit.action.identity-confirmed")), Map.entry("IDENTITY_REFUSED", TEXTS.text("audit.action.identity-refused")),
            Map.entry("ACCOUNT_CLOSED", TEXTS.text("audit.action.account-closed")), Map.entry("ACCOUNT_REOPENED", TEXTS.text("audit.action.account-reopened")),
            Map.entry("QUEUE_EXPORTED", TEXTS.text("audit.action.queue-exported")), Map.entry("DECISIONS_EXPORTED", TEXTS.text("audit.action.decisions-exported")),
            Map.entry("DIRECTORY_REPUBLISHED", TEXTS.text("audit.action.directory-republished")), Map.entry("CONTACT_CORRECTED", TEXTS.text("audit.action.contact-corrected")),
            Map.entry("NAME_CORRECTED", TEXTS.text("audit.action.name-corrected")),
            Map.entry("NAME_CORRECTION_REFUSED", TEXTS.text("audit.action.name-correction-refused")),
            Map.entry("CONTACT_CORRECTION_REFUSED", TEXTS.text("audit.action.contact-correction-refused")));

    private final StaffAudit audit;

    AuditPageController(StaffAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String subjectId, Model model, Principal staff) {
        String subject = subjectId == null || subjectId.isBlank() ? null : subjectId.strip();
        List<AuditLine> lines = audit.list(subject, 200).stream().map(AuditLine::of).toList();
        model.addAttribute("lines", lines);
        model.addAttribute("subjectId", subject);
        model.addAttribute("username", staff.getName());
        return "backoffice/audit";
    }
}
