package fr.esante.medimail.backoffice.identityreview.web;

import java.util.UUID;

import fr.esante.medimail.backoffice.identityreview.IdentityReview;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewRequest;
import fr.esante.medimail.backoffice.BackofficeApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * One pending identity review as the staff page shows it: French wording, Paris time; the evidence summary
 * stays as identity-verification-service wrote it (English, for staff).
 */
public record IdentityReviewRow(UUID id, String declaredName, String directoryName, String email, String reason,
                                String path, String identifier, String profession, String source, String detail,
                                String evidence, String requestedAt) {

    private static final UserTexts TEXTS = UserTexts.of(BackofficeApplication.NAME);

    public static IdentityReviewRow of(IdentityReview review) {
        IdentityReviewRequest r = review.request();
        String directoryName = r.directoryLastName() == null && r.directoryFirstName() == null ? null
                : blankIfNull(r.directoryFirstName()) + " " + blankIfNull(r.directoryLastName());
        return new IdentityReviewRow(review.id(), r.declaredFirstName() + " " + r.declaredLastName(),
                directoryName == null ? null : directoryName.strip(), review.email(), reason(r.reason()),
                "FOREIGN_OR_IN_TRAINING".equals(r.path()) ? TEXTS.text("identityreview.row.path.foreign-or-in-training")
                        : "Identifiant national (RPPS / ADELI)",
                r.identifierType() + " " + r.identifier(), r.profession(), source(r.source(), r.directoryImportId()),
                r.detail(), r.evidence(), IdentityReviewApiController.FRENCH_DATE_TIME.format(r.requestedAt()));
    }

    private static String reason(String code) {
        return switch (code == null ? "" : code) {
            case "NAME_MISMATCH" -> TEXTS.text("identityreview.row.reason.name-mismatch");
            case "DIRECTORY_UNAVAILABLE" -> TEXTS.text("identityreview.row.reason.directory-unavailable");
            default -> code;
        };
    }

    private static String source(String source, Long importId) {
        return switch (source == null ? "" : source) {
            case "LIVE_DIRECTORY" -> TEXTS.text("identityreview.row.evidence.live-directory");
            case "IMPORTED_DIRECTORY" -> importId == null ? TEXTS.text("identityreview.row.evidence.imported-directory")
                    : TEXTS.text("identityreview.row.evidence.imported-directory.numbered", importId.toString());
            case "IDENTIFIER_SYNTAX" -> TEXTS.text("identityreview.row.evidence.identifier-syntax");
            default -> source;
        };
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value;
    }
}
