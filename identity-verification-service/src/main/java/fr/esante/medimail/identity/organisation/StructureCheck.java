package fr.esante.medimail.identity.organisation;


import fr.esante.medimail.identity.directory.StructureDirectory;
import fr.esante.medimail.identity.directory.StructureDirectory.StructureAnswer;
import fr.esante.medimail.identity.identifiers.IdentifierCheck;
import fr.esante.medimail.identity.identifiers.IdentifierRules;
import fr.esante.medimail.identity.identifiers.IdentifierType;
import fr.esante.medimail.identity.IdentityVerificationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * The structure of an organisational (ORG) mailbox request: a FINESS (key, and known to the imported directory as
 * a site or a legal entity) or a SIRET (key, La Poste rule included). This service is the only owner of these
 * rules, so registration-service takes any identifier and the requester learns the verdict from the request's
 * status and an e-mail. Unlike the English details of identity decisions, the refusal detail here is the French
 * sentence the requester reads: nobody else needs to translate a code this service alone defines for ORG.
 *
 * <p>When the directory cannot answer, a well-formed FINESS is accepted without a name: every ORG request is
 * reviewed by staff anyway, and they see that no directory confirmed it.
 */
public class StructureCheck {

    public record Verdict(boolean accepted, String normalised, String reason, String detail, String structureName) {
    }

    private static final UserTexts TEXTS = UserTexts.of(IdentityVerificationApplication.NAME);

    private final StructureDirectory directory;

    public StructureCheck(StructureDirectory directory) {
        this.directory = directory;
    }

    public Verdict check(String type, String identifier) {
        IdentifierType known = IdentifierType.parse(type).orElse(null);
        if (known != IdentifierType.FINESS && known != IdentifierType.SIRET) {
            return refused("UNKNOWN_TYPE");
        }
        IdentifierCheck check = IdentifierRules.check(known, identifier);
        if (!check.isWellFormed()) {
            return refused(check.code());
        }
        if (known == IdentifierType.SIRET) {
            return new Verdict(true, check.normalised(), null, null, null);
        }
        StructureAnswer answer = directory.findFiness(check.normalised());
        if (answer instanceof StructureAnswer.Known found) {
            return new Verdict(true, check.normalised(), null, null, found.structure().name());
        }
        if (answer instanceof StructureAnswer.Unknown) {
            return refused("STRUCTURE_NOT_FOUND");
        }
        return new Verdict(true, check.normalised(), null, null, null);
    }

    private static Verdict refused(String code) {
        return new Verdict(false, null, code, frenchDetail(code), null);
    }

    private static String frenchDetail(String code) {
        return switch (code) {
            case "INVALID_CHECK_DIGIT" -> TEXTS.text("structure.refusal.invalid-check-digit");
            case "WRONG_LENGTH" -> TEXTS.text("structure.refusal.wrong-length");
            case "NOT_DIGITS" -> TEXTS.text("structure.refusal.not-digits");
            case "INVALID_DEPARTMENT" -> TEXTS.text("structure.refusal.invalid-department");
            case "UNKNOWN_TYPE" -> TEXTS.text("structure.refusal.unknown-type");
            case "STRUCTURE_NOT_FOUND" -> TEXTS.text("structure.refusal.not-found");
            default -> TEXTS.text("structure.refusal.other");
        };
    }
}
