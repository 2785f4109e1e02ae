package fr.esante.medimail.backoffice.account;

import fr.esante.medimail.backoffice.applicant.PostalAddress;

/**
 * What staff correct in a validated account's contact details, on its holder's behalf: a null field stays as it is,
 * the postal address is replaced whole. Values arrive checked and normalised (French phone numbers in ten digits).
 *
 * @param removeSecondPhone the second phone is cleared (then {@code secondPhone} is null)
 */
public record ContactCorrection(String phone, String secondPhone, boolean removeSecondPhone, PostalAddress address) {

    public boolean changesNothing() {
        return phone == null && secondPhone == null && !removeSecondPhone && address == null;
    }
}
