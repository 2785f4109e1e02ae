package fr.esante.medimail.registration.profile;

import java.util.UUID;

import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.AccountStatus;
import fr.esante.medimail.registration.account.FieldProblem;

/**
 * Why this service refused a correction staff requested, told back to the back office (StaffCorrectionRefused) so
 * that staff learn it instead of the correction vanishing.
 *
 * @param requestId the eventId of the staff request
 * @param field with {@link Reason#FIELD_NOT_ACCEPTABLE}, the first field refused (LAST_NAME, PHONE…), else null
 * @param problem with {@link Reason#FIELD_NOT_ACCEPTABLE}, why, else null
 */
public record StaffCorrectionRefusal(UUID requestId, String staff, Kind kind, Reason reason, String field,
                                     FieldProblem problem) {

    public enum Kind { NAMES, CONTACT }

    public enum Reason { FIELD_NOT_ACCEPTABLE, ACCOUNT_UNKNOWN, ACCOUNT_NOT_VALIDATED, ACCOUNT_CLOSED }

    static StaffCorrectionRefusal field(UUID requestId, String staff, Kind kind, String field, FieldProblem problem) {
        return new StaffCorrectionRefusal(requestId, staff, kind, Reason.FIELD_NOT_ACCEPTABLE, field, problem);
    }

    /** The account-level refusal for an account that cannot be corrected (unknown, closed, not validated). */
    static StaffCorrectionRefusal account(UUID requestId, String staff, Kind kind, Account account) {
        Reason reason = account == null ? Reason.ACCOUNT_UNKNOWN
                : account.status() == AccountStatus.CLOSED ? Reason.ACCOUNT_CLOSED : Reason.ACCOUNT_NOT_VALIDATED;
        return new StaffCorrectionRefusal(requestId, staff, kind, reason, null, null);
    }

    /** Whether staff may correct this account's names or contact details now. */
    static boolean correctable(Account account) {
        return account != null && account.status() == AccountStatus.VALIDATED && account.profile() != null;
    }
}
