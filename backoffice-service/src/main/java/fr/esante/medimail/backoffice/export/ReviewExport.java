package fr.esante.medimail.backoffice.export;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

import fr.esante.medimail.backoffice.audit.StaffAudit;

/** Exports of the queue and of the decisions over a period (role ADMIN); each export is an audited staff action. */
@Service
public class ReviewExport {

    private final ReviewExports exports;
    private final StaffAudit audit;

    public ReviewExport(ReviewExports exports, StaffAudit audit) {
        this.exports = exports;
        this.audit = audit;
    }

    public void queue(String staff, Consumer<ExportedReview> sink) {
        audit.recordReading(staff, "QUEUE_EXPORTED", "EXPORT", "queue", Map.of());
        exports.eachPending(sink);
    }

    /** Decisions taken in [from, to). */
    public void decisions(String staff, Instant from, Instant to, Consumer<ExportedReview> sink) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("Empty period " + from + " - " + to);
        }
        audit.recordReading(staff, "DECISIONS_EXPORTED", "EXPORT", "decisions",
                Map.of("from", from.toString(), "to", to.toString()));
        exports.eachDecided(from, to, sink);
    }
}
