package fr.esante.medimail.identity.decision.persistence;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import fr.esante.medimail.identity.decision.Decision;
import fr.esante.medimail.identity.decision.DecisionLog;
import fr.esante.medimail.identity.decision.Outcome;
import fr.esante.medimail.identity.decision.PendingReview;
import fr.esante.medimail.identity.decision.ReviewConclusion;
import fr.esante.medimail.identity.directory.PractitionerActivity;
import fr.esante.medimail.identity.identifiers.IdentifierCheck;

import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions in {@code identity_decision}, their evidence as JSON (what was compared, against which directory);
 * manual reviews and their conclusions in {@code identity_review}.
 */
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
        if (decision.outcome() == Outcome.MANUAL_REVIEW) {
            PendingReview review = PendingReview.of(decision);
            jdbc.sql("""
                            INSERT INTO identity_review (decision_id, account_id, requested_at, reason, proposal,
                                   names_corrected_by_staff)
                            VALUES (:decisionId, :accountId, :requestedAt, :reason, CAST(:proposal AS jsonb),
                                    :namesCorrectedByStaff)""")
                    .param("decisionId", review.decisionId())
                    .param("accountId", review.accountId())
                    .param("requestedAt", Timestamp.from(review.requestedAt()))
                    .param("reason", review.reason())
                    .param("proposal", json.writeValueAsString(proposal(review)))
                    .param("namesCorrectedByStaff", review.namesCorrectedByStaff())
                    .update();
        }
    }

    @Override
    public Optional<PendingReview> lockPendingReview(UUID decisionId) {
        return jdbc.sql("""
                        SELECT decision_id, account_id, requested_at, reason, proposal::text AS proposal,
                               names_corrected_by_staff
                        FROM identity_review WHERE decision_id = :id AND status = 'PENDING' FOR UPDATE""")
                .param("id", decisionId)
                .query((rs, n) -> review(rs.getObject("decision_id", UUID.class), rs.getObject("account_id", UUID.class),
                        rs.getTimestamp("requested_at").toInstant(), rs.getString("reason"), rs.getString("proposal"),
                        rs.getBoolean("names_corrected_by_staff")))
                .optional();
    }

    @Override
    public void recordConclusion(ReviewConclusion conclusion, PublishedEvent event) {
        int updated = jdbc.sql("""
                        UPDATE identity_review SET status = :status, concluded_at = :at, concluded_by = :by,
                               refusal_reason = :reason, conclusion_event_id = :conclusionEventId,
                               published_event_type = :eventType, published_event_id = :eventId
                        WHERE decision_id = :id AND status = 'PENDING'""")
                .param("status", conclusion.confirmed() ? "CONFIRMED" : "REFUSED")
                .param("at", Timestamp.from(conclusion.concludedAt()))
                .param("by", conclusion.reviewedBy())
                .param("reason", conclusion.confirmed() ? null : conclusion.reason())
                .param("conclusionEventId", conclusion.eventId())
                .param("eventType", event.type())
                .param("eventId", event.eventId())
                .param("id", conclusion.decisionId())
                .update();
        if (updated != 1) {
            // lockPendingReview holds the row: reaching this means the caller skipped it, a bug to surface.
            throw new IllegalStateException("Review of decision " + conclusion.decisionId() + " is not pending");
        }
    }

    /** What a confirmation publishes, as a plain map (the stored JSON keeps its shape across refactorings). */
    private static Map<String, Object> proposal(PendingReview review) {
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("lastName", review.lastName());
        proposal.put("firstName", review.firstName());
        proposal.put("profession", review.profession());
        proposal.put("specialties", review.specialties());
        proposal.put("identifierType", review.identifierType());
        proposal.put("identifier", review.identifier());
        proposal.put("mailboxType", review.mailboxType());
        proposal.put("structureIdentifier", review.structureIdentifier());
        proposal.put("activities", review.activities().stream().map(a -> {
            Map<String, Object> activity = new LinkedHashMap<>();
            activity.put("professionCode", a.professionCode());
            activity.put("professionLabel", a.professionLabel());
            activity.put("categoryCode", a.categoryCode());
            activity.put("skillTypeCode", a.skillTypeCode());
            activity.put("skillCode", a.skillCode());
            activity.put("skillLabel", a.skillLabel());
            activity.put("practiceModeCode", a.practiceModeCode());
            activity.put("practiceModeLabel", a.practiceModeLabel());
            activity.put("siret", a.siret());
            activity.put("siren", a.siren());
            activity.put("finessSite", a.finessSite());
            activity.put("finessLegal", a.finessLegal());
            activity.put("structureName", a.structureName());
            activity.put("postalCode", a.postalCode());
            activity.put("city", a.city());
            activity.put("lineNumber", a.lineNumber());
            return activity;
        }).toList());
        return proposal;
    }

    @SuppressWarnings("unchecked")
    private PendingReview review(UUID decisionId, UUID accountId, java.time.Instant requestedAt, String reason, String stored,
                                 boolean namesCorrectedByStaff) {
        Map<String, Object> p = json.readValue(stored, Map.class);
        List<Map<String, Object>> activities = (List<Map<String, Object>>) p.getOrDefault("activities", List.of());
        return new PendingReview(decisionId, accountId, requestedAt, reason, text(p, "lastName"), text(p, "firstName"),
                text(p, "profession"), (List<String>) p.getOrDefault("specialties", List.of()), text(p, "identifierType"),
                text(p, "identifier"), text(p, "mailboxType"), text(p, "structureIdentifier"),
                activities.stream().map(a -> new PractitionerActivity(text(a, "professionCode"), text(a, "professionLabel"),
                        text(a, "categoryCode"), text(a, "skillTypeCode"), text(a, "skillCode"), text(a, "skillLabel"),
                        text(a, "practiceModeCode"), text(a, "practiceModeLabel"), text(a, "siret"), text(a, "siren"),
                        text(a, "finessSite"), text(a, "finessLegal"), text(a, "structureName"), text(a, "postalCode"),
                        text(a, "city"), a.get("lineNumber") == null ? null : ((Number) a.get("lineNumber")).longValue()))
                        .toList(), namesCorrectedByStaff);
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
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
                        SELECT d.id, d.event_id, d.decided_at, d.outcome, d.reason, d.detail, d.source, d.directory_import_id,
                               d.live_failure, d.identifier_type, d.identifier, d.mailbox_type, d.published_event_type,
                               d.evidence::text AS evidence, r.status AS review_status, r.concluded_at AS review_concluded_at,
                               r.concluded_by AS review_concluded_by, r.refusal_reason AS review_refusal_reason,
                               r.published_event_type AS review_published_event_type
                        FROM identity_decision d LEFT JOIN identity_review r ON r.decision_id = d.id
                        WHERE d.account_id = :accountId ORDER BY d.decided_at DESC""")
                .param("accountId", accountId)
                .query().listOfRows();
    }
}
