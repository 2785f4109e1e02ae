package fr.esante.medimail.backoffice.applicant;

/** Published (synchronously, inside the transaction) each time a fact was added to an applicant's file. */
public record ApplicantFileUpdated(ApplicantFile file) {
}
