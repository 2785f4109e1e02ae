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
    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("REVIEW_APPROVED", "Compte validé"), Map.entry("REVIEW_REJECTED", "Demande refusée"),
            Map.entry("IDENTITY_CONFIRMED", "Identité confirmée"), Map.entry("IDENTITY_REFUSED", "Identité refusée"),
            Map.entry("ACCOUNT_CLOSED", "Compte clôturé"), Map.entry("ACCOUNT_REOPENED", "Compte rouvert"),
            Map.entry("QUEUE_EXPORTED", "Export de la file d'attente"), Map.entry("DECISIONS_EXPORTED", "Export des décisions"),
            Map.entry("DIRECTORY_REPUBLISHED", "Annuaire republié"), Map.entry("CONTACT_CORRECTED", "Coordonnées corrigées"),
            Map.entry("NAME_CORRECTED", "Nom et prénom corrigés"));

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
