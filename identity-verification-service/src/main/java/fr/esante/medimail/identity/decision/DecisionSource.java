package fr.esante.medimail.identity.decision;

/**
 * What a decision was based on; the names are the {@code source} values of IdentityVerified. PRO_SANTE_CONNECT: the
 * RPPS and names come from the identity the national provider vouched for (CPS card or e-CPS), no directory asked.
 */
public enum DecisionSource { LIVE_DIRECTORY, IMPORTED_DIRECTORY, IDENTIFIER_SYNTAX, PRO_SANTE_CONNECT }
