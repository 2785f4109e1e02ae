package fr.esante.medimail.registration.account;

/** Why a value breaks this service's rule on its field; the names travel as stable codes (StaffCorrectionRefused). */
public enum FieldProblem {
    REQUIRED,
    TOO_LONG,
    /** A name with a character names may not contain. */
    CHARACTERS,
    FORMAT,
    /** Well-formed, but names nothing known (a region code). */
    UNKNOWN
}
