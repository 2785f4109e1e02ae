package fr.esante.medimail.identity.decision;

import java.util.ArrayList;
import java.util.List;

/**
 * The evidence of a decision in a few English lines, for the reviewer who must settle it: why a person is
 * needed, which directory answered, and each comparison with its verdict.
 */
public final class EvidenceSummary {

    private EvidenceSummary() {
    }

    public static String of(Decision decision) {
        List<String> lines = new ArrayList<>();
        lines.add("Reason: " + decision.reason() + " - " + decision.detail());
        lines.add("Identifier: " + decision.identifierType() + " " + decision.identifier()
                + (decision.request().identifier() != null && !decision.request().identifier().equals(decision.identifier())
                ? " (typed '" + decision.request().identifier() + "')" : ""));
        String source = switch (decision.source()) {
            case LIVE_DIRECTORY -> "live directory";
            case IMPORTED_DIRECTORY -> "imported directory (import " + decision.directoryImportId() + ")";
            case IDENTIFIER_SYNTAX -> "no directory answered: identifier syntax only";
            case PRO_SANTE_CONNECT -> "Pro Santé Connect vouched for the identity: no directory consulted";
        };
        lines.add("Source: " + source);
        if (decision.liveFailure() != null) {
            lines.add("Live directory failure: " + decision.liveFailure());
        }
        for (Comparison c : decision.comparisons()) {
            lines.add(c.field() + ": declared '" + nullToDash(c.declared()) + "', directory '" + nullToDash(c.directory())
                    + "' -> " + c.result());
        }
        if (!decision.activities().isEmpty()) {
            lines.add("Directory activities: " + decision.activities().size());
        }
        return String.join("\n", lines);
    }

    /** What the directory publishes for a compared field (lastName, firstName), if it answered. */
    public static String directoryValue(Decision decision, String field) {
        return decision.comparisons().stream().filter(c -> c.field().equals(field)).map(Comparison::directory)
                .findFirst().orElse(null);
    }

    private static String nullToDash(String value) {
        return value == null ? "-" : value;
    }
}
