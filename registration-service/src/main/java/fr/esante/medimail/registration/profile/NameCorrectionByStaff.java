package fr.esante.medimail.registration.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.Accounts;
import fr.esante.medimail.registration.account.PersonNames;
import fr.esante.medimail.registration.profile.StaffCorrectionRefusal.Kind;

/**
 * Back-office staff corrected the names of a validated account (NameCorrectionRequested). This service owns the names:
 * it applies them and announces NamesCorrected in the same transaction, which sends the identity back to verification
 * and the account back to the review queue. The status stays VALIDATED and the MSSante address is kept (never derived
 * again), so the mailbox keeps working meanwhile.
 */
@Service
public class NameCorrectionByStaff {

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
     * In the consumer's transaction. The names are checked by this service's own rule ({@link PersonNames}); an
     * account that cannot be corrected (unknown, closed or not validated since staff asked) or names the rule refuses
     * change nothing and are told back to the back office ({@link ProfileEvents#staffCorrectionRefused}), since
     * retrying could not help. Names that are already the account's (the same correction sent twice) change and
     * announce nothing.
     *
     * @param requestId the eventId of the staff request, quoted in a refusal
     */
    @Transactional
    public void correct(UUID requestId, UUID accountId, Names requested, String staff) {
        Account account = accounts.lockById(accountId).orElse(null);
        Instant now = clock.instant();
        if (!StaffCorrectionRefusal.correctable(account)) {
            refuse(accountId, StaffCorrectionRefusal.account(requestId, staff, Kind.NAMES, account), now);
            return;
        }
        Names corrected = new Names(PersonNames.tidy(requested.lastName()), PersonNames.tidy(requested.firstName()));
        Optional<StaffCorrectionRefusal> breach = PersonNames.problemWith(corrected.lastName())
                .map(problem -> StaffCorrectionRefusal.field(requestId, staff, Kind.NAMES, "LAST_NAME", problem))
                .or(() -> PersonNames.problemWith(corrected.firstName())
                        .map(problem -> StaffCorrectionRefusal.field(requestId, staff, Kind.NAMES, "FIRST_NAME", problem)));
        if (breach.isPresent()) {
            refuse(accountId, breach.get(), now);
            return;
        }
        Names previous = new Names(account.lastName(), account.firstName());
        if (!account.namesCorrectedByStaff(corrected.lastName(), corrected.firstName(), now)) {
            log.info("Name correction by {} for account {}: names unchanged, nothing to do", staff, accountId);
            return;
        }
        accounts.update(account);
        events.namesCorrected(account, previous, staff, now);
        // Names stay out of the logs.
        log.info("Names of account {} corrected by staff member {}; identity to be checked again", accountId, staff);
    }

    private void refuse(UUID accountId, StaffCorrectionRefusal refusal, Instant now) {
        events.staffCorrectionRefused(accountId, refusal, now);
        log.warn("Name correction by {} for account {} refused: {} {} {}", refusal.staff(), accountId, refusal.reason(),
                refusal.field() == null ? "" : refusal.field(), refusal.problem() == null ? "" : refusal.problem());
    }
}
