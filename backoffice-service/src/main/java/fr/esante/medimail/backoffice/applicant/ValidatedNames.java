package fr.esante.medimail.backoffice.applicant;

import java.util.Objects;

/** The names last validated by staff, kept while corrected names wait for their new identity check and review. */
public record ValidatedNames(String lastName, String firstName) {

    public ValidatedNames {
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
    }
}
