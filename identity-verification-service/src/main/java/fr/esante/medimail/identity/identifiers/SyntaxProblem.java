package fr.esante.medimail.identity.identifiers;

/**
 * Why an identifier is not well-formed. The names are stable codes shown to clients (public API and
 * IdentityRejected reasons): rename none of them.
 */
public enum SyntaxProblem {
    /** Too short or too long once separators and the national prefix are removed (also: nothing typed). */
    WRONG_LENGTH,
    /** A character other than a digit (or, for FINESS, other than the département letters). */
    NOT_DIGITS,
    /** The key does not match the other digits: a typing error. */
    INVALID_CHECK_DIGIT,
    /** FINESS only: the first two characters name no département. */
    INVALID_DEPARTMENT,
    /** The identifier type itself is not one of RPPS, ADELI, FINESS, SIREN, SIRET. */
    UNKNOWN_TYPE
}
