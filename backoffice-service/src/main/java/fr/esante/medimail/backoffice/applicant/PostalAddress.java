package fr.esante.medimail.backoffice.applicant;

/** The practice address declared in the profile; region and department are INSEE codes. */
public record PostalAddress(String line, String postalCode, String city, String region, String department) {
}
