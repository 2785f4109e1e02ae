package fr.esante.medimail.registration.account;

/** Identifier declared in the professional profile: a person's (RPPS, ADELI) or a structure's (FINESS, SIREN, SIRET). */
public enum IdentifierType {
    RPPS, ADELI, FINESS, SIREN, SIRET
}
