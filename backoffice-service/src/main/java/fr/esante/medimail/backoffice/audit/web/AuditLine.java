package fr.esante.medimail.backoffice.audit.web;

import java.util.Map;
import java.util.stream.Collectors;

import fr.esante.medimail.backoffice.BackofficeApplication;
import fr.esante.medimail.backoffice.audit.AuditRecord;
import fr.esante.medimail.support.texts.UserTexts;

/** One staff action as the pages show it, in French (the audit page, an account's history on its review page). */
public record AuditLine(String when, String staff, String action, String subject, String before, String after) {

    private static final UserTexts TEXTS = UserTexts.of(BackofficeApplication.NAME);

    public static AuditLine of(AuditRecord r) {
        String action = AuditPageController.ACTIONS.getOrDefault(r.action(), r.action());
        if (r.action().endsWith("_CORRECTION_REFUSED")) {
            action = TEXTS.text("audit.refusal.line", action, why(r.after()));
        }
        return new AuditLine(AuditPageController.FRENCH_DATE_TIME.format(r.occurredAt()), r.staff(), action,
                r.subjectType() + " " + r.subjectId(), state(r.before()), state(r.after()));
    }

    /** registration-service's reason codes in French, e.g. « le prénom contient des caractères non admis ». */
    private static String why(Map<String, Object> refusal) {
        Object reason = refusal.get("reason");
        if ("FIELD_NOT_ACCEPTABLE".equals(reason) && refusal.get("field") != null && refusal.get("problem") != null) {
            return TEXTS.text("audit.refusal.field-problem", known("audit.refusal.field.", refusal.get("field")),
                    known("audit.refusal.problem.", refusal.get("problem")));
        }
        return known("audit.refusal.reason.", reason);
    }

    /** A code registration-service added after this version is shown as it is rather than failing the page. */
    private static String known(String prefix, Object code) {
        String text = TEXTS.textOrNull(prefix + code);
        return text != null ? text : TEXTS.text("audit.refusal.unexplained", String.valueOf(code));
    }

    private static String state(Map<String, Object> state) {
        return state.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(" ; "));
    }
}
