package fr.esante.medimail.registration.account;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.events.AccountClosed;
import fr.esante.medimail.events.AccountRejected;
import fr.esante.medimail.events.AccountReopened;
import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.events.IdentityRejected;
import fr.esante.medimail.events.MssAddressAssigned;
import fr.esante.medimail.events.MssAddressRefused;

/**
 * Follows what the other services decide about an account, so that its holder sees where their registration
 * stands. Runs in the consumer's transaction. An event about an unknown account, or one that the account's
 * status no longer allows (late, repeated), is logged and ignored: never thrown, since retrying cannot help.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class StatusTracking {

    private static final Logger log = LoggerFactory.getLogger(StatusTracking.class);

    private final Accounts accounts;
    private final Clock clock;

    public StatusTracking(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    public void identityRejected(IdentityRejected event) {
        apply(event.getAccountId(), "IdentityRejected(" + event.getReason() + ")",
                account -> account.identityRejected(RejectionMessages.identityRejected(event.getReason(), event.getDetail()),
                        clock.instant()));
    }

    public void mssAddressAssigned(MssAddressAssigned event) {
        apply(event.getAccountId(), "MssAddressAssigned",
                account -> account.mssAddressAssigned(new MssAddress(event.getAddress(), event.getMailboxType()), clock.instant()));
    }

    public void mssAddressRefused(MssAddressRefused event) {
        apply(event.getAccountId(), "MssAddressRefused(" + event.getReason() + ")",
                account -> account.mssAddressRefused(RejectionMessages.addressRefused(event.getReason()), clock.instant()));
    }

    public void accountValidated(AccountValidated event) {
        apply(event.getAccountId(), "AccountValidated",
                account -> account.validated(new MssAddress(event.getMssAddress(), event.getMailboxType()), clock.instant()));
    }

    public void accountRejected(AccountRejected event) {
        apply(event.getAccountId(), "AccountRejected",
                account -> account.rejectedByStaff(RejectionMessages.rejectedByReviewer(event.getReason()), clock.instant()));
    }

    public void accountClosed(AccountClosed event) {
        apply(event.getAccountId(), "AccountClosed", account -> account.closedByStaff(clock.instant()));
    }

    public void accountReopened(AccountReopened event) {
        apply(event.getAccountId(), "AccountReopened", account -> account.reopenedByStaff(clock.instant()));
    }

    private void apply(UUID accountId, String what, Predicate<Account> transition) {
        Account account = accounts.lockById(accountId).orElse(null);
        if (account == null) {
            log.warn("{} for unknown account {}: ignored", what, accountId);
            return;
        }
        AccountStatus before = account.status();
        if (transition.test(account)) {
            accounts.update(account);
            log.info("{}: account {} moved from {} to {}", what, accountId, before, account.status());
        } else {
            log.info("{}: ignored for account {} in status {}", what, accountId, before);
        }
    }
}
