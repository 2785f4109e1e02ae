package fr.esante.medimail.backoffice.export.web;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import fr.esante.medimail.backoffice.export.ExportedReview;
import fr.esante.medimail.backoffice.export.ReviewExport;
import fr.esante.medimail.support.web.ApiProblem;
import fr.esante.medimail.backoffice.BackofficeApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * CSV exports for staff (HTTP Basic, role ADMIN), streamed row by row as the database hands them over: an export of a
 * million decisions needs no more memory than one of ten. UTF-8 with a byte order mark, {@code ;}-separated (what a
 * French spreadsheet expects).
 */
@RestController
class ExportApiController {

    private static final UserTexts TEXTS = UserTexts.of(BackofficeApplication.NAME);

    /** Days are French days: a period from the 1st to the 30th covers 1st 00:00 to 31st 00:00, Paris time. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final List<String> HEADER = List.of("review_id", "account_id", "status", "submitted_at", "decided_at",
            "decided_by", "rejection_reason", "last_name", "first_name", "email", "profession", "identifier_type",
            "identifier", "mss_address", "mailbox_type", "region");

    private final ReviewExport export;

    ExportApiController(ReviewExport export) {
        this.export = export;
    }

    /** The same file from the API (HTTP Basic) and from the staff pages' links (session): ADMIN either way. */
    @GetMapping({"/api/v1/exports/queue.csv", "/exports/queue.csv"})
    ResponseEntity<StreamingResponseBody> queue(Principal staff) {
        String name = staff.getName();
        return csv("file-d-attente.csv", sink -> export.queue(name, sink));
    }

    /** {@code from} and {@code to}: days (yyyy-MM-dd), both included. */
    @GetMapping({"/api/v1/exports/decisions.csv", "/exports/decisions.csv"})
    ResponseEntity<StreamingResponseBody> decisions(@RequestParam String from, @RequestParam String to, Principal staff) {
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (last.isBefore(first)) {
            throw ApiProblem.invalidField("to", "INVALID_PERIOD", TEXTS.text("export.invalid-period"));
        }
        Instant start = first.atStartOfDay(PARIS).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(PARIS).toInstant();
        String name = staff.getName();
        return csv("decisions-" + first + "-" + last + ".csv", sink -> export.decisions(name, start, end, sink));
    }

    private static ResponseEntity<StreamingResponseBody> csv(String fileName, Consumer<Consumer<ExportedReview>> rows) {
        StreamingResponseBody body = stream -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
            out.write('\uFEFF');
            CsvLines.write(out, HEADER);
            rows.accept(review -> CsvLines.write(out, Arrays.asList(review.reviewId(), review.accountId(), review.status(),
                    review.submittedAt(), review.decidedAt(), review.decidedBy(), review.rejectionReason(),
                    review.lastName(), review.firstName(), review.email(), review.profession(), review.identifierType(),
                    review.identifier(), review.mssAddress(), review.mailboxType(), review.region())));
            out.flush();
        };
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(body);
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "INVALID_VALUE", TEXTS.text("export.date.invalid"));
        }
    }
}
