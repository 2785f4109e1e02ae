package fr.esante.medimail.identity.identifiers;

/**
 * The outcome of checking one identifier's syntax and key.
 *
 * @param type       null when the type was not recognised
 * @param input      what was submitted, untouched
 * @param normalised the identifier without separators nor national prefix (upper-case for FINESS); null unless well-formed
 * @param problem    null when well-formed
 * @param keyRule    the key check applied; null unless well-formed
 */
public record IdentifierCheck(IdentifierType type, String input, String normalised, SyntaxProblem problem, KeyRule keyRule) {

    static IdentifierCheck wellFormed(IdentifierType type, String input, String normalised, KeyRule keyRule) {
        return new IdentifierCheck(type, input, normalised, null, keyRule);
    }

    static IdentifierCheck malformed(IdentifierType type, String input, SyntaxProblem problem) {
        return new IdentifierCheck(type, input, null, problem, null);
    }

    public boolean isWellFormed() {
        return problem == null;
    }

    /** The stable code of the problem, null when well-formed. */
    public String code() {
        return problem == null ? null : problem.name();
    }

    /** The national form used by the directory: {@code 8}+RPPS, {@code 0}+ADELI, {@code 1}+FINESS; the identifier itself otherwise. */
    public String nationalForm() {
        if (normalised == null) {
            return null;
        }
        return switch (type) {
            case RPPS -> "8" + normalised;
            case ADELI -> "0" + normalised;
            case FINESS -> "1" + normalised;
            case SIREN, SIRET -> normalised;
        };
    }
}
