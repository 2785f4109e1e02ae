package fr.esante.medimail.identity.directory;

/** One activity of a professional as the directory knows it (a row of the extraction file, a PractitionerRole). */
public record PractitionerActivity(String professionCode, String professionLabel, String categoryCode,
                                   String skillTypeCode, String skillCode, String skillLabel,
                                   String practiceModeCode, String practiceModeLabel,
                                   String siret, String siren, String finessSite, String finessLegal,
                                   String structureName, String postalCode, String city, Long lineNumber) {
}
