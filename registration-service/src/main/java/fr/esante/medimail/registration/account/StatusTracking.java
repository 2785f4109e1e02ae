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
import fr.esante.medimail.events.AccountStatusChanged;
import fr.esante.medimail.events.AccountReopened;
import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.events.IdentityRejected;
import fr.esante.medimail.events.MssAddressAssigned;
import fr.esante.medimail.events.MssAddressRefused;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;

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
    private final Outbox outbox;
    private final Clock clock;

    public StatusTracking(Accounts accounts, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
    }

    public void identityRejected(IdentityRejected event) {
        apply(event.getAccountId(), "IdentityRejected(" + event.getReason() + ")", "IDENTITY_REJECTED",
                account -> account.identityRejected(RejectionMessages.identityRejected(event.getReason(), event.getDetail()),
                        clock.instant()));
    }

    public void mssAddressAssigned(MssAddressAssigned event) {
        apply(event.getAccountId(), "MssAddressAssigned", null,
                account -> account.mssAddressAssigned(new MssAddress(event.getAddress(), event.getMailboxType()), clock.instant()));
    }

    public void mssAddressRefused(MssAddressRefused event) {
        apply(event.getAccountId(), "MssAddressRefused(" + event.getReason() + ")", "MSS_ADDRESS_REFUSED",
                account -> account.mssAddressRefused(RejectionMessages.addressRefused(event.getReason()), clock.instant()));
    }

    public void accountValidated(AccountValidated event) {
        apply(event.getAccountId(), "AccountValidated", "VALIDATED",
                account -> account.validated(new MssAddress(event.getMssAddress(), event.getMailboxType()), clock.instant()));
    }

    public void accountRejected(AccountRejected event) {
        apply(event.getAccountId(), "AccountRejected", "REJECTED_BY_STAFF",
                account -> account.rejectedByStaff(RejectionMessages.rejectedByReviewer(event.getReason()), clock.instant()));
    }

    public void accountClosed(AccountClosed event) {
        apply(event.getAccountId(), "AccountClosed", "ACCOUNT_CLOSED", account -> account.closedByStaff(clock.instant()));
    }

    public void accountReopened(AccountReopened event) {
        apply(event.getAccountId(), "AccountReopened", "ACCOUNT_REOPENED", account -> account.reopenedByStaff(clock.instant()));
    }

    /**
     * Applies the transition and, when it changed something, announces what the holder now sees
     * ({@link AccountStatusChanged}, in this transaction): notification-service tells them by e-mail.
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
            announce(account, announced);
        } else {
            log.info("{}: ignored for account {} in status {}", what, accountId, before);
        }
    }

    private void announce(Account account, String change) {
        Rejection rejection = account.rejection();
        MssAddress address = account.mssAddress();
        outbox.append(Topics.ACCOUNT_STATUS_CHANGED, account.id().toString(), AccountStatusChanged.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(account.id()).setOccurredAt(clock.instant())
                .setChange(change).setStatus(account.status().name())
                .setEmail(account.email()).setFirstName(account.firstName()).setLastName(account.lastName())
                .setReasonCode(rejection == null ? null : rejection.code())
                .setReason(rejection == null ? null : rejection.message())
                .setMssAddress(address == null ? null : address.address())
                .setMailboxType(address == null ? null : address.mailboxType())
                .build());
    }
}
