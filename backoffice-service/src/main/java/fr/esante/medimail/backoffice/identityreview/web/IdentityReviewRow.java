package fr.esante.medimail.backoffice.identityreview.web;

import java.util.UUID;

import fr.esante.medimail.backoffice.identityreview.IdentityReview;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewRequest;

/**
 * One pending identity review as the staff page shows it: French wording, Paris time; the evidence summary
 * stays as identity-verification-service wrote it (English, for staff).
 */
public record IdentityReviewRow(UUID id, String declaredName, String directoryName, String email, String reason,
                                String path, String identifier, String profession, String source, String detail,
                                String evidence, String requestedAt) {

    public static IdentityReviewRow of(IdentityReview review) {
        IdentityReviewRequest r = review.request();
        String directoryName = r.directoryLastName() == null && r.directoryFirstName() == null ? null
                : blankIfNull(r.directoryFirstName()) + " " + blankIfNull(r.directoryLastName());
        return new IdentityReviewRow(review.id(), r.declaredFirstName() + " " + r.declaredLastName(),
                directoryName == null ? null : directoryName.strip(), review.email(), reason(r.reason()),
                "FOREIGN_OR_IN_TRAINING".equals(r.path()) ? "Étranger ou en formation (identifiant de structure)"
                        : "Identifiant national (RPPS / ADELI)",
                r.identifierType() + " " + r.identifier(), r.profession(), source(r.source(), r.directoryImportId()),
                r.detail(), r.evidence(), IdentityReviewApiController.FRENCH_DATE_TIME.format(r.requestedAt()));
    }

    private static String reason(String code) {
        return switch (code == null ? "" : code) {
            case "NAME_MISMATCH" -> "Nom ou prénom proche de celui de l'annuaire, sans être identique";
            case "DIRECTORY_UNAVAILABLE" -> "Annuaire national indisponible : l'identité n'a pas pu être vérifiée automatiquement";
            default -> code;
        };
    }

    private static String source(String source, Long importId) {
        return switch (source == null ? "" : source) {
            case "LIVE_DIRECTORY" -> "Annuaire national (consulté en direct)";
            case "IMPORTED_DIRECTORY" -> "Extraction de l'annuaire national" + (importId == null ? "" : " (import " + importId + ")");
            case "IDENTIFIER_SYNTAX" -> "Aucun annuaire consulté : contrôle de forme de l'identifiant seulement";
            default -> source;
        };
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value;
    }
}
