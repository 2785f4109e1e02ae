package fr.esante.medimail.identity.decision;

/** How a declared name compares with the directory's. */
public enum NameMatch {
    MATCH,
    /** Close enough to be the same person with a typing slip or a partial compound name: for a person to judge. */
    NEAR_MISS,
    MISMATCH
}
