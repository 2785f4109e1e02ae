package fr.esante.medimail.backoffice.account;

/** What a staff correction is about, so that a refusal says it in the words of that correction. */
public enum CorrectionSubject { CONTACT, NAMES }
