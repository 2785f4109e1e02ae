package fr.esante.medimail.backoffice.audit.web;

import java.util.Map;
import java.util.stream.Collectors;

import fr.esante.medimail.backoffice.audit.AuditRecord;

/** One staff action as the pages show it, in French (the audit page, an account's history on its review page). */
public record AuditLine(String when, String staff, String action, String subject, String before, String after) {

    public static AuditLine of(AuditRecord r) {
        return new AuditLine(AuditPageController.FRENCH_DATE_TIME.format(r.occurredAt()), r.staff(),
                AuditPageController.ACTIONS.getOrDefault(r.action(), r.action()), r.subjectType() + " " + r.subjectId(),
                state(r.before()), state(r.after()));
    }

    private static String state(Map<String, Object> state) {
        return state.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(" ; "));
    }
}
