package fr.esante.medimail.identity.decision;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import fr.esante.medimail.identity.directory.DirectoryAnswer;
import fr.esante.medimail.identity.directory.DirectoryConsultation;
import fr.esante.medimail.identity.directory.DirectorySource;
import fr.esante.medimail.identity.directory.PractitionerActivity;
import fr.esante.medimail.identity.directory.Professional;
import fr.esante.medimail.identity.directory.Structure;
import fr.esante.medimail.identity.directory.StructureDirectory;
import fr.esante.medimail.identity.directory.StructureDirectory.StructureAnswer;
import fr.esante.medimail.identity.identifiers.IdentifierCheck;
import fr.esante.medimail.identity.identifiers.IdentifierRules;
import fr.esante.medimail.identity.identifiers.IdentifierType;

/**
 * Decides whether a submitted profile's identity is accepted. Refusals are answers, never exceptions: an
 * exception would make the consumer retry and then dead-letter a profile that simply does not match.
 *
 * <p>NATIONAL_ID (RPPS, ADELI): the identifier must be well-formed, known, active, carry the declared last
 * and first names (see {@link NameComparison}) and the declared profession. FOREIGN_OR_IN_TRAINING (FINESS,
 * SIREN, SIRET): the structure identifier must be well-formed and, for FINESS, known to the directory.
 *
 * <p>Names staff corrected on a validated account ({@link VerificationRequest#namesCorrectedByStaff()}) that the
 * directory contradicts go to a manual review rather than a refusal; every other refusal stays one.
 */
public class IdentityVerifier {

    public static final String MAILBOX_PER = "PER";
    public static final String MAILBOX_INT = "INT";

    private final DirectoryConsultation professionals;
    private final StructureDirectory structures;
    private final Clock clock;

    public IdentityVerifier(DirectoryConsultation professionals, StructureDirectory structures, Clock clock) {
        this.professionals = professionals;
        this.structures = structures;
        this.clock = clock;
    }

    public Decision decide(VerificationRequest request) {
        IdentifierCheck check = IdentifierRules.check(request.identifierType(), request.identifier());
        Draft draft = new Draft(request, check);
        String path = request.path() == null ? "" : request.path().trim().toUpperCase(Locale.ROOT);
        boolean national = VerificationRequest.NATIONAL_ID.equals(path);
        if (!national && !VerificationRequest.FOREIGN_OR_IN_TRAINING.equals(path)) {
            return draft.refuse("UNKNOWN_PATH", "Path '" + request.path() + "' is neither NATIONAL_ID nor FOREIGN_OR_IN_TRAINING");
        }
        if (check.type() != null && check.type().identifiesProfessional() != national) {
            return draft.refuse("IDENTIFIER_TYPE_NOT_ALLOWED", check.type() + " cannot be used on the " + path + " path ("
                    + (national ? "RPPS or ADELI expected" : "FINESS, SIREN or SIRET expected") + ")");
        }
        if (!check.isWellFormed()) {
            return draft.refuse(check.code(), describe(check));
        }
        return national ? decideProfessional(draft) : decideStructure(draft);
    }

    private Decision decideProfessional(Draft draft) {
        IdentifierCheck check = draft.check;
        VerificationRequest request = draft.request;
        if (request.vouchedByProSanteConnect() && check.type() == IdentifierType.RPPS) {
            return vouchedByProSanteConnect(draft);
        }
        DirectoryConsultation.Consultation consultation = professionals.findProfessional(check.type(), check.normalised());
        draft.liveFailure = consultation.liveFailure();
        DirectoryAnswer answer = consultation.answer();
        draft.source = source(answer.source());
        String label = check.type() + " " + check.normalised();
        if (answer instanceof DirectoryAnswer.Unavailable unavailable) {
            // Not the applicant's fault and nothing they can correct: a person checks the identity by other means
            // (staff confirm with the live directory or the card) rather than the applicant being turned away.
            draft.source = DecisionSource.IDENTIFIER_SYNTAX;
            draft.mailboxType = MAILBOX_PER;
            draft.profession = request.profession() == null ? null : request.profession().trim();
            return draft.decide(Outcome.MANUAL_REVIEW, "DIRECTORY_UNAVAILABLE", "No directory could be consulted for "
                    + label + ": " + (draft.liveFailure == null ? "" : "live directory: " + draft.liveFailure + "; ")
                    + unavailable.reason() + "; manual review needed");
        }
        if (answer instanceof DirectoryAnswer.NotFound notFound) {
            draft.importId = notFound.importId();
            return draft.refuse("NOT_FOUND", label + " is not in the " + where(answer.source(), notFound.importId()));
        }
        DirectoryAnswer.Found found = (DirectoryAnswer.Found) answer;
        draft.importId = found.importId();
        Professional professional = found.professional();
        draft.compare("active", "true", String.valueOf(professional.active()), professional.active() ? "MATCH" : "MISMATCH");
        NameMatch last = NameComparison.compare(request.lastName(), professional.lastName());
        NameMatch first = NameComparison.compare(request.firstName(), professional.firstName());
        boolean swapped = NameComparison.compare(request.lastName(), professional.firstName()) == NameMatch.MATCH
                && NameComparison.compare(request.firstName(), professional.lastName()) == NameMatch.MATCH;
        draft.compare("lastName", request.lastName(), professional.lastName(), last.name());
        draft.compare("firstName", request.firstName(), professional.firstName(), first.name());
        if (swapped) {
            draft.compare("namesSwapped", request.lastName() + " / " + request.firstName(),
                    professional.firstName() + " / " + professional.lastName(), "NEAR_MISS");
        }
        Set<String> professions = professional.professionCodes();
        String declaredProfession = request.profession() == null ? null : request.profession().trim();
        boolean professionMatches = declaredProfession != null && professions.contains(declaredProfession);
        draft.compare("profession", declaredProfession, String.join(",", professions), professionMatches ? "MATCH" : "MISMATCH");
        List<PractitionerActivity> activities = professionMatches ? professional.activitiesOf(declaredProfession) : List.of();
        Set<String> specialties = new LinkedHashSet<>();
        activities.stream().map(PractitionerActivity::skillCode).filter(Objects::nonNull).forEach(specialties::add);
        if (request.specialty() != null) {
            draft.compare("specialty", request.specialty(), String.join(",", specialties), "INFO");
        }
        String declaredName = request.lastName() + " " + request.firstName();
        String directoryName = professional.lastName() + " " + professional.firstName();
        if (!professional.active()) {
            return draft.refuse("INACTIVE", label + " is inactive in the " + where(answer.source(), found.importId()));
        }
        boolean nameMismatch = !swapped && (last == NameMatch.MISMATCH || first == NameMatch.MISMATCH);
        if (nameMismatch && !request.namesCorrectedByStaff()) {
            return draft.refuse("NAME_MISMATCH", "Declared name '" + declaredName + "' does not match '" + directoryName
                    + "' for " + label);
        }
        if (!professionMatches) {
            return draft.refuse("PROFESSION_MISMATCH", "Declared profession " + declaredProfession + " but the "
                    + where(answer.source(), found.importId()) + " lists " + professions + " for " + label);
        }
        // Filled in before the reviews below too: a reviewer's confirmation publishes exactly this.
        draft.mailboxType = MAILBOX_PER;
        draft.profession = declaredProfession;
        draft.specialties = List.copyOf(specialties);
        draft.activities = activities;
        if (nameMismatch) {
            // The account is validated and keeps its address and directory entry whatever is decided here, and
            // registration-service tells no one of a refusal of it: a refusal would make staff's correction vanish.
            // A reviewer weighs staff's reason against the directory instead.
            return draft.decide(Outcome.MANUAL_REVIEW, "NAME_MISMATCH", "Names corrected by staff to '" + declaredName
                    + "' but the " + where(answer.source(), found.importId()) + " lists '" + directoryName + "' for "
                    + label + ": manual review needed");
        }
        if (swapped || last != NameMatch.MATCH || first != NameMatch.MATCH) {
            return draft.decide(Outcome.MANUAL_REVIEW, "NAME_MISMATCH", "Declared name '" + declaredName
                    + "' nearly matches '" + directoryName + "' for " + label + ": a near miss, manual review needed");
        }
        return draft.decide(Outcome.VERIFIED, null, label + " verified against the " + where(answer.source(), found.importId()));
    }

    /**
     * Registration-service only marks a profile so when its RPPS, names and profession are those Pro Santé Connect
     * asserted at sign-up: the national provider read them from the directory of record when the holder authenticated
     * with a CPS card or e-CPS, so asking a directory again would only add a wait (and a failure mode). Staff still
     * validate the account.
     */
    private Decision vouchedByProSanteConnect(Draft draft) {
        VerificationRequest request = draft.request;
        draft.source = DecisionSource.PRO_SANTE_CONNECT;
        draft.compare("lastName", request.lastName(), request.lastName(), "VOUCHED");
        draft.compare("firstName", request.firstName(), request.firstName(), "VOUCHED");
        String profession = request.profession() == null ? null : request.profession().trim();
        draft.compare("profession", profession, profession, "VOUCHED");
        draft.mailboxType = MAILBOX_PER;
        draft.profession = profession;
        draft.specialties = request.specialty() == null ? List.of() : List.of(request.specialty());
        return draft.decide(Outcome.VERIFIED, null, draft.check.type() + " " + draft.check.normalised()
                + " vouched for by Pro Santé Connect (no directory consulted)");
    }

    private Decision decideStructure(Draft draft) {
        IdentifierCheck check = draft.check;
        String label = check.type() + " " + check.normalised();
        draft.mailboxType = MAILBOX_INT;
        draft.profession = draft.request.profession() == null ? null : draft.request.profession().trim();
        draft.structureIdentifier = check.normalised();
        if (check.type() != IdentifierType.FINESS) {
            draft.source = DecisionSource.IDENTIFIER_SYNTAX;
            return draft.decide(Outcome.VERIFIED, null, label + " is well-formed (" + check.keyRule() + "); "
                    + check.type() + " numbers are not in the health directory");
        }
        draft.source = DecisionSource.IMPORTED_DIRECTORY;
        StructureAnswer answer = structures.findFiness(check.normalised());
        if (answer instanceof StructureAnswer.Unavailable unavailable) {
            // As for a professional: a person settles it rather than a refusal the applicant cannot act on.
            draft.source = DecisionSource.IDENTIFIER_SYNTAX;
            return draft.decide(Outcome.MANUAL_REVIEW, "DIRECTORY_UNAVAILABLE", "No directory could be consulted for "
                    + label + ": " + unavailable.reason() + "; manual review needed");
        }
        if (answer instanceof StructureAnswer.Unknown unknown) {
            draft.importId = unknown.importId();
            draft.compare("structure", check.normalised(), null, "MISMATCH");
            return draft.refuse("STRUCTURE_NOT_FOUND", label + " is neither a site nor a legal entity of the "
                    + where(DirectorySource.IMPORTED_DIRECTORY, unknown.importId()));
        }
        StructureAnswer.Known known = (StructureAnswer.Known) answer;
        draft.importId = known.importId();
        Structure structure = known.structure();
        draft.compare("structure", check.normalised(), structure.site() ? "site" : "legal entity", "MATCH");
        draft.activities = List.of(new PractitionerActivity(null, null, null, null, null, null, null, null,
                structure.siret(), null, structure.site() ? structure.finess() : null, structure.site() ? null : structure.finess(),
                structure.name(), structure.postalCode(), structure.city(), null));
        return draft.decide(Outcome.VERIFIED, null, label + " is a " + (structure.site() ? "site" : "legal entity") + " of the "
                + where(DirectorySource.IMPORTED_DIRECTORY, known.importId()));
    }

    private static String describe(IdentifierCheck check) {
        String type = check.type() == null ? "identifier" : check.type().name();
        return switch (check.problem()) {
            case WRONG_LENGTH -> type + " has the wrong length";
            case NOT_DIGITS -> type + " contains characters that are not allowed";
            case INVALID_CHECK_DIGIT -> type + " fails its check digit";
            case INVALID_DEPARTMENT -> type + " does not start with a département code";
            case UNKNOWN_TYPE -> "Identifier type is not one of RPPS, ADELI, FINESS, SIREN, SIRET";
        };
    }

    private static String where(DirectorySource source, Long importId) {
        return source == DirectorySource.LIVE_DIRECTORY ? "live directory" : "imported directory (import " + importId + ")";
    }

    private static DecisionSource source(DirectorySource source) {
        return source == DirectorySource.LIVE_DIRECTORY ? DecisionSource.LIVE_DIRECTORY : DecisionSource.IMPORTED_DIRECTORY;
    }

    /** What a decision is made of, filled in as the checks go. */
    private final class Draft {
        private final VerificationRequest request;
        private final IdentifierCheck check;
        private DecisionSource source = DecisionSource.IDENTIFIER_SYNTAX;
        private Long importId;
        private String liveFailure;
        private String mailboxType;
        private String profession;
        private List<String> specialties = List.of();
        private List<PractitionerActivity> activities = List.of();
        private String structureIdentifier;
        private final List<Comparison> comparisons = new ArrayList<>();

        Draft(VerificationRequest request, IdentifierCheck check) {
            this.request = request;
            this.check = check;
        }

        void compare(String field, String declared, String directory, String result) {
            comparisons.add(new Comparison(field, declared, directory, result));
        }

        Decision refuse(String reason, String detail) {
            return decide(Outcome.REJECTED, reason, detail);
        }

        Decision decide(Outcome outcome, String reason, String detail) {
            // A MANUAL_REVIEW decision keeps what a confirmation would publish (mailbox type, profession, activities).
            boolean verified = outcome != Outcome.REJECTED;
            String type = check.type() != null ? check.type().name() : request.identifierType();
            String identifier = check.isWellFormed() ? check.normalised() : request.identifier();
            return new Decision(UUID.randomUUID(), request.eventId(), request.accountId(), clock.instant(), request, outcome,
                    reason, detail, source, importId, liveFailure, type, identifier, verified ? mailboxType : null,
                    verified ? profession : null, verified ? specialties : List.of(), verified ? activities : List.of(),
                    verified ? structureIdentifier : null, check, comparisons);
        }
    }
}
