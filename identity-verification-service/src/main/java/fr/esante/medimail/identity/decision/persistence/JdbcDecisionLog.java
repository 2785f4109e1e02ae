package fr.esante.medimail.identity.decision.persistence;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import fr.esante.medimail.identity.decision.Decision;
import fr.esante.medimail.identity.decision.DecisionLog;
import fr.esante.medimail.identity.identifiers.IdentifierCheck;

import tools.jackson.databind.json.JsonMapper;

/** Decisions in {@code identity_decision}, their evidence as JSON (what was compared, against which directory). */
public class JdbcDecisionLog implements DecisionLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcDecisionLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void record(Decision decision, PublishedEvent event) {
        jdbc.sql("""
                        INSERT INTO identity_decision (id, event_id, account_id, decided_at, path, identifier_type,
                               identifier_submitted, identifier, outcome, reason, detail, source, directory_import_id,
                               live_failure, mailbox_type, published_event_type, published_event_id, evidence)
                        VALUES (:id, :eventId, :accountId, :decidedAt, :path, :identifierType, :submitted, :identifier,
                                :outcome, :reason, :detail, :source, :importId, :liveFailure, :mailboxType, :eventType,
                                :publishedEventId, CAST(:evidence AS jsonb))""")
                .param("id", decision.id())
                .param("eventId", decision.eventId())
                .param("accountId", decision.accountId())
                .param("decidedAt", Timestamp.from(decision.decidedAt()))
                .param("path", decision.request().path())
                .param("identifierType", decision.identifierType())
                .param("submitted", decision.request().identifier())
                .param("identifier", decision.identifier())
                .param("outcome", decision.outcome().name())
                .param("reason", decision.reason())
                .param("detail", decision.detail())
                .param("source", decision.source().name())
                .param("importId", decision.directoryImportId())
                .param("liveFailure", decision.liveFailure())
                .param("mailboxType", decision.mailboxType())
                .param("eventType", event.type())
                .param("publishedEventId", event.eventId())
                .param("evidence", json.writeValueAsString(evidence(decision)))
                .update();
    }

    /** A plain map, so that the stored JSON does not change shape when a domain class is refactored. */
    private static Map<String, Object> evidence(Decision decision) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        Map<String, Object> declared = new LinkedHashMap<>();
        declared.put("lastName", decision.request().lastName());
        declared.put("firstName", decision.request().firstName());
        declared.put("path", decision.request().path());
        declared.put("identifierType", decision.request().identifierType());
        declared.put("identifier", decision.request().identifier());
        declared.put("profession", decision.request().profession());
        declared.put("specialty", decision.request().specialty());
        declared.put("liberal", decision.request().liberal());
        evidence.put("declared", declared);
        IdentifierCheck check = decision.identifierCheck();
        Map<String, Object> identifier = new LinkedHashMap<>();
        identifier.put("type", check.type() == null ? null : check.type().name());
        identifier.put("normalised", check.normalised());
        identifier.put("wellFormed", check.isWellFormed());
        identifier.put("code", check.code());
        identifier.put("keyRule", check.keyRule() == null ? null : check.keyRule().name());
        evidence.put("identifier", identifier);
        Map<String, Object> directory = new LinkedHashMap<>();
        directory.put("source", decision.source().name());
        directory.put("importId", decision.directoryImportId());
        directory.put("liveFailure", decision.liveFailure());
        evidence.put("directory", directory);
        evidence.put("comparisons", decision.comparisons().stream().map(c -> {
            Map<String, Object> comparison = new LinkedHashMap<>();
            comparison.put("field", c.field());
            comparison.put("declared", c.declared());
            comparison.put("directory", c.directory());
            comparison.put("result", c.result());
            return comparison;
        }).toList());
        evidence.put("activities", decision.activities().stream().map(a -> {
            Map<String, Object> activity = new LinkedHashMap<>();
            activity.put("profession", a.professionCode());
            activity.put("skill", a.skillCode());
            activity.put("structure", a.structureName());
            activity.put("siret", a.siret());
            activity.put("finessSite", a.finessSite());
            activity.put("finessLegal", a.finessLegal());
            activity.put("practiceMode", a.practiceModeCode());
            activity.put("directoryLine", a.lineNumber());
            return activity;
        }).toList());
        evidence.put("outcome", decision.outcome().name());
        evidence.put("reason", decision.reason());
        return evidence;
    }

    @Override
    public List<Map<String, Object>> forAccount(UUID accountId) {
        return jdbc.sql("""
                        SELECT id, event_id, decided_at, outcome, reason, detail, source, directory_import_id, live_failure,
                               identifier_type, identifier, mailbox_type, published_event_type, evidence::text AS evidence
                        FROM identity_decision WHERE account_id = :accountId ORDER BY decided_at DESC""")
                .param("accountId", accountId)
                .query().listOfRows();
    }
}
