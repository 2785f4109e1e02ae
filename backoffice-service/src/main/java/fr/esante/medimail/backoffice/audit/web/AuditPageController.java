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

/** The staff page of the audit trail (role REVIEWER): the latest actions, newest first, read-only. */
@Controller
class AuditPageController {

    static final DateTimeFormatter FRENCH_DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm:ss", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));
    static final Map<String, String> ACTIONS = Map.of(
            "REVIEW_APPROVED", "Compte validé", "REVIEW_REJECTED", "Demande refusée",
            "IDENTITY_CONFIRMED", "Identité confirmée", "IDENTITY_REFUSED", "Identité refusée",
            "ACCOUNT_CLOSED", "Compte clôturé", "ACCOUNT_REOPENED", "Compte rouvert",
            "QUEUE_EXPORTED", "Export de la file d'attente", "DECISIONS_EXPORTED", "Export des décisions",
            "DIRECTORY_REPUBLISHED", "Annuaire republié", "CONTACT_CORRECTED", "Coordonnées corrigées");

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
