package fr.esante.medimail.identity.identifiers;

/** Which check was applied to the key of a well-formed identifier; kept as evidence of a decision. */
public enum KeyRule {
    LUHN,
    /** La Poste establishments share SIREN 356000000 and are keyed on the sum of their digits. */
    LA_POSTE_DIGIT_SUM,
    /** Corsican and overseas FINESS numbers: how they are keyed is not published, so only the format is checked. */
    FORMAT_ONLY
}
