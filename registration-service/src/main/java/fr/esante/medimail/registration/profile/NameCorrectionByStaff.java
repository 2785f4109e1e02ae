package fr.esante.medimail.registration.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.Accounts;

/**
 * Back-office staff corrected the names of a validated account (NameCorrectionRequested). This service owns the names:
 * it applies them and announces NamesCorrected in the same transaction, which sends the identity back to verification
 * and the account back to the review queue. The status stays VALIDATED and the MSSante address is kept (never derived
 * again), so the mailbox keeps working meanwhile.
 */
@Service
public class NameCorrectionByStaff {

    /** The longest name the registration form accepts. */
    static final int MAX_NAME_LENGTH = 100;

    private static final Logger log = LoggerFactory.getLogger(NameCorrectionByStaff.class);

    /** A holder's last and first names. */
    public record Names(String lastName, String firstName) {
    }

    private final Accounts accounts;
    private final ProfileEvents events;
    private final Clock clock;

    public NameCorrectionByStaff(Accounts accounts, ProfileEvents events, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * In the consumer's transaction. The back office checked the names' shape and that the account was validated and
     * open when staff made the correction; one that no longer is by now (unknown, closed since), or names that are
     * already the account's (the same correction sent twice), change nothing and announce nothing: retrying could not
     * help.
     */
    @Transactional
    public void correct(UUID accountId, Names corrected, String staff) {
        Account account = accounts.lockById(accountId).orElse(null);
        if (account == null) {
            log.warn("Name correction by {} for account {} ignored: unknown account", staff, accountId);
            return;
        }
        if (!acceptable(corrected.lastName()) || !acceptable(corrected.firstName())) {
            log.warn("Name correction by {} for account {} ignored: names not acceptable", staff, accountId);
            return;
        }
        Names previous = new Names(account.lastName(), account.firstName());
        Instant now = clock.instant();
        if (!account.namesCorrectedByStaff(corrected.lastName(), corrected.firstName(), now)) {
            log.warn("Name correction by {} for account {} ignored: status {} or names unchanged", staff, accountId,
                    account.status());
            return;
        }
        accounts.update(account);
        events.namesCorrected(account, previous, staff, now);
        // Names stay out of the logs.
        log.info("Names of account {} corrected by staff member {}; identity to be checked again", accountId, staff);
    }

    private static boolean acceptable(String name) {
        return name != null && !name.isBlank() && name.length() <= MAX_NAME_LENGTH;
    }
}
