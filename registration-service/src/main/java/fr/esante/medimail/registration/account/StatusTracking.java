package fr.esante.medimail.registration.account;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;


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
    private final AccountEvents events;
    private final Clock clock;

    public StatusTracking(Accounts accounts, AccountEvents events, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    public void identityRejected(UUID accountId, String reason, String detail) {
        apply(accountId, "IdentityRejected(" + reason + ")", "IDENTITY_REJECTED",
                account -> account.identityRejected(RejectionMessages.identityRejected(reason, detail), clock.instant()));
    }

    public void mssAddressAssigned(UUID accountId, MssAddress address) {
        apply(accountId, "MssAddressAssigned", null, account -> account.mssAddressAssigned(address, clock.instant()));
    }

    public void mssAddressRefused(UUID accountId, String reason) {
        apply(accountId, "MssAddressRefused(" + reason + ")", "MSS_ADDRESS_REFUSED",
                account -> account.mssAddressRefused(RejectionMessages.addressRefused(reason), clock.instant()));
    }

    public void accountValidated(UUID accountId, MssAddress address) {
        apply(accountId, "AccountValidated", "VALIDATED", account -> account.validated(address, clock.instant()));
    }

    public void accountRejected(UUID accountId, String reason) {
        apply(accountId, "AccountRejected", "REJECTED_BY_STAFF",
                account -> account.rejectedByStaff(RejectionMessages.rejectedByReviewer(reason), clock.instant()));
    }

    public void accountClosed(UUID accountId) {
        apply(accountId, "AccountClosed", "ACCOUNT_CLOSED", account -> account.closedByStaff(clock.instant()));
    }

    public void accountReopened(UUID accountId) {
        apply(accountId, "AccountReopened", "ACCOUNT_REOPENED", account -> account.reopenedByStaff(clock.instant()));
    }

    /**
     * Applies the transition and, when it changed something, announces what the holder now sees
     * ({@link AccountEvents#statusChanged}, in this transaction): notification-service tells them by e-mail.
     *
     * @param change what to announce; null for an address assignment, which announces MSS_ADDRESS_ASSIGNED, or
     *               MAILBOX_BECAME_PER for a validated INT mailbox that became PER
     */
    private void apply(UUID accountId, String what, String change, Predicate<Account> transition) {
        Account account = accounts.lockById(accountId).orElse(null);
        if (account == null) {
            log.warn("{} for unknown account {}: ignored", what, accountId);
            return;
        }
        AccountStatus before = account.status();
        if (transition.test(account)) {
            accounts.update(account);
            log.info("{}: account {} moved from {} to {}", what, accountId, before, account.status());
            String announced = change != null ? change
                    : before == AccountStatus.VALIDATED ? "MAILBOX_BECAME_PER" : "MSS_ADDRESS_ASSIGNED";
            events.statusChanged(account, announced, clock.instant());
        } else {
            log.info("{}: ignored for account {} in status {}", what, accountId, before);
        }
    }
}
