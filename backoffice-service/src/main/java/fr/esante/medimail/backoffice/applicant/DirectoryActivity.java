package fr.esante.medimail.backoffice.applicant;

/** One activity the national directory lists for the applicant (every field may be unknown). */
public record DirectoryActivity(String structureName, String siret, String finess, String postalCode, String city,
                                String practiceMode) {
}
