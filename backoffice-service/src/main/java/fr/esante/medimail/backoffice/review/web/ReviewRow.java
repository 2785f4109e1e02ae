package fr.esante.medimail.backoffice.review.web;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.esante.medimail.backoffice.applicant.ApplicantFile;
import fr.esante.medimail.backoffice.applicant.ApplicantProfile;
import fr.esante.medimail.backoffice.applicant.DirectoryActivity;
import fr.esante.medimail.backoffice.applicant.IdentityEvidence;
import fr.esante.medimail.backoffice.applicant.PostalAddress;
import fr.esante.medimail.backoffice.review.ReviewCase;
import fr.esante.medimail.backoffice.review.ReviewPromise;

/** One pending review as the staff page shows it: French wording, Paris time, evidence in plain words. */
record ReviewRow(UUID id, UUID registrationId, String name, String email, String phone, String profession,
                 String specialty, String path, String identifier, String declaredIdentifier, String practice,
                 String practiceAddress, String organisation, String mssAddress, String mailboxType, String submittedAt,
                 String age, boolean overdue, boolean directoryVisible, boolean paperless, boolean identityChecked,
                 boolean identityCheckedForThisProfile, String verificationSource, String verifiedName,
                 String structureIdentifier, List<String> activities, String ageBand, String region,
                 String professionCode, String pathCode) {

    private static final DateTimeFormatter FRENCH_DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

    static String frenchDateTime(java.time.Instant at) {
        return at == null ? null : FRENCH_DATE_TIME.format(at);
    }

    static ReviewRow of(ReviewCase reviewCase, ReviewPromise promise, Map<String, String> professionLabels) {
        ApplicantFile file = reviewCase.file();
        ApplicantProfile p = file.profile();
        IdentityEvidence identity = file.identity();
        PostalAddress address = p.address();
        String declared = p.identifierType() + " " + p.identifier();
        return new ReviewRow(reviewCase.review().id(), file.accountId(), p.firstName() + " " + p.lastName(), p.email(),
                p.phone() + (p.secondPhone() == null ? "" : " / " + p.secondPhone()),
                profession(p.profession(), professionLabels), p.specialty(),
                "NATIONAL_ID".equals(p.path()) ? "Identifiant national (RPPS / ADELI)" : "Étranger ou en formation (identifiant de structure)",
                file.identifierType() + " " + file.identifier(), declared,
                p.liberal() ? "Libéral" : "Salarié / autre",
                join(", ", address.line(), join(" ", address.postalCode(), address.city()),
                        "région " + address.region() + (address.department() == null ? "" : ", département " + address.department())),
                join(" — ", p.organisationName(), p.serviceName()),
                file.address().address(), mailboxType(file.mailboxType()),
                FRENCH_DATE_TIME.format(reviewCase.review().submittedAt()), age(promise.ageOf(reviewCase.review())),
                promise.overdue(reviewCase.review()), p.directoryVisible(), p.paperless(), identity != null,
                file.identityCheckedForCurrentProfile(), identity == null ? null : source(identity),
                identity == null ? null : join(" ", identity.firstName(), identity.lastName()),
                identity == null ? null : identity.structureIdentifier(),
                identity == null ? List.of() : identity.activities().stream().map(ReviewRow::activity).toList(),
                ageBand(promise.ageOf(reviewCase.review())), address.region(), p.profession(), p.path());
    }

    /** "Médecin (10)" when the label was learnt from registration-service's events, else the bare code. */
    static String profession(String code, Map<String, String> labels) {
        if (code == null || code.isBlank()) {
            return "—";
        }
        String label = labels.get(code.strip());
        return label == null ? code : label + " (" + code + ")";
    }

    /**
     * How urgent the review is, for its colour: {@code fresh} under 24 h, {@code day} from 24 h, {@code reminded} from
     * 40 h (the service desk got the reminder), {@code late} past 48 h (the promise is broken).
     */
    static String ageBand(Duration age) {
        long hours = age.toHours();
        if (hours >= 48) {
            return "late";
        }
        if (hours >= 40) {
            return "reminded";
        }
        return hours >= 24 ? "day" : "fresh";
    }

    static String age(Duration age) {
        long hours = age.toHours();
        if (hours < 1) {
            return age.toMinutes() + " min";
        }
        return hours < 24 ? hours + " h" : hours / 24 + " j " + hours % 24 + " h";
    }

    private static String mailboxType(String type) {
        if ("PER".equals(type)) {
            return "PER (personnelle)";
        }
        return "INT".equals(type) ? "INT (rattachée à une structure)" : type;
    }

    private static String source(IdentityEvidence identity) {
        String source = identity.source();
        return switch (source == null ? "" : source) {
            case "LIVE_DIRECTORY" -> "Annuaire national (consulté en direct)";
            // An extraction can be days old: the reviewer needs its date to judge a recent change it may not show.
            case "IMPORTED_DIRECTORY" -> identity.directoryImportedAt() == null
                    ? "Extraction de l'annuaire national (date d'import non transmise)"
                    : "Extraction de l'annuaire national importée le " + FRENCH_DATE_TIME.format(identity.directoryImportedAt());
            case "IDENTIFIER_SYNTAX" -> "Contrôle de forme de l'identifiant seulement";
            case "MANUAL_REVIEW" -> "Identité confirmée par le centre de services (vérification manuelle)";
            case "PRO_SANTE_CONNECT" -> "Identité attestée par Pro Santé Connect (carte CPS ou e-CPS), sans consultation d'annuaire";
            default -> source;
        };
    }

    private static String activity(DirectoryActivity a) {
        String ids = join(", ", a.finess() == null ? null : "FINESS " + a.finess(), a.siret() == null ? null : "SIRET " + a.siret());
        return join(" — ", a.structureName(), join(" ", a.postalCode(), a.city()), ids, practiceMode(a.practiceMode()));
    }

    /** The directory's "mode d'exercice" codes. */
    private static String practiceMode(String code) {
        return switch (code == null ? "" : code) {
            case "L" -> "exercice libéral";
            case "S" -> "exercice salarié";
            case "B" -> "exercice bénévole";
            default -> code;
        };
    }

    private static String join(String separator, String... parts) {
        String joined = Stream.of(parts).filter(Objects::nonNull).filter(s -> !s.isBlank())
                .collect(Collectors.joining(separator));
        return joined.isEmpty() ? null : joined;
    }
}
