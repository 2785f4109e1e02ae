package fr.esante.medimail.identity.decision;

/** What a decision was based on; the names are the {@code source} values of IdentityVerified. */
public enum DecisionSource { LIVE_DIRECTORY, IMPORTED_DIRECTORY, IDENTIFIER_SYNTAX }
