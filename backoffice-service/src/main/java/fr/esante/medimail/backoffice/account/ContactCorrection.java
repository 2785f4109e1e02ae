package fr.esante.medimail.backoffice.account;

import fr.esante.medimail.backoffice.applicant.PostalAddress;

/**
 * What staff correct in a validated account's contact details, on its holder's behalf: a null field stays as it is,
 * the postal address is replaced whole. Values arrive trimmed, as typed: registration-service, which owns contact
 * details and the rules on them, checks and normalises them, or refuses them (StaffCorrectionRefused).
 *
 * @param removeSecondPhone the second phone is cleared (then {@code secondPhone} is null)
 */
public record ContactCorrection(String phone, String secondPhone, boolean removeSecondPhone, PostalAddress address) {

    /** What the back office stores of a phone (audit trail); not the rule on phones, which is registration-service's. */
    public static final int MAX_PHONE_LENGTH = 40;
    /** What the back office stores of an address field. */
    public static final int MAX_ADDRESS_FIELD_LENGTH = 300;

    public boolean changesNothing() {
        return phone == null && secondPhone == null && !removeSecondPhone && address == null;
    }
}
