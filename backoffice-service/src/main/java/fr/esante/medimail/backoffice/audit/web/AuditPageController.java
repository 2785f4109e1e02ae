package fr.esante.medimail.backoffice.audit.web;

import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import fr.esante.medimail.backoffice.audit.AuditRecord;
import fr.esante.medimail.backoffice.audit.StaffAudit;

/** The staff page of the audit trail (role REVIEWER): the latest actions, newest first, read-only. */
@Controller
class AuditPageController {

    private static final DateTimeFormatter FRENCH_DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm:ss", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));
    private static final Map<String, String> ACTIONS = Map.of(
            "REVIEW_APPROVED", "Compte validé", "REVIEW_REJECTED", "Demande refusée",
            "IDENTITY_CONFIRMED", "Identité confirmée", "IDENTITY_REFUSED", "Identité refusée",
            "ACCOUNT_CLOSED", "Compte clôturé", "ACCOUNT_REOPENED", "Compte rouvert",
            "QUEUE_EXPORTED", "Export de la file d'attente", "DECISIONS_EXPORTED", "Export des décisions");

    private final StaffAudit audit;

    AuditPageController(StaffAudit audit) {
        this.audit = audit;
    }

    /** One line of the page, in French. */
    record AuditLine(String when, String staff, String action, String subject, String before, String after) {
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String subjectId, Model model, Principal staff) {
        String subject = subjectId == null || subjectId.isBlank() ? null : subjectId.strip();
        List<AuditLine> lines = audit.list(subject, 200).stream().map(AuditPageController::line).toList();
        model.addAttribute("lines", lines);
        model.addAttribute("subjectId", subject);
        model.addAttribute("username", staff.getName());
        return "backoffice/audit";
    }

    private static AuditLine line(AuditRecord r) {
        return new AuditLine(FRENCH_DATE_TIME.format(r.occurredAt()), r.staff(), ACTIONS.getOrDefault(r.action(), r.action()),
                r.subjectType() + " " + r.subjectId(), state(r.before()), state(r.after()));
    }

    private static String state(Map<String, Object> state) {
        return state.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(" ; "));
    }
}
