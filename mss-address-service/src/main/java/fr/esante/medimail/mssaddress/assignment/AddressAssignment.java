package fr.esante.medimail.mssaddress.assignment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.mssaddress.derivation.AddressDerivation;
import fr.esante.medimail.mssaddress.derivation.Derivation;

/**
 * Gives each verified professional one MSSanté address, never given to anyone else: the derived address if
 * it is free, otherwise the next free homonym rank ({@code jean.durand2}, {@code jean.durand3}…). An
 * account that asks again gets the address it already holds.
 */
@Service
public class AddressAssignment {

    private static final Logger log = LoggerFactory.getLogger(AddressAssignment.class);

    /** Far more homonyms than any name has; beyond that something is wrong and a retry is better than a loop. */
    static final int MAX_ATTEMPTS = 1_000;

    private final AddressDerivation derivation;
    private final IssuedAddresses issuedAddresses;
    private final AssignmentEvents events;

    public AddressAssignment(AddressDerivation derivation, IssuedAddresses issuedAddresses, AssignmentEvents events) {
        this.derivation = derivation;
        this.issuedAddresses = issuedAddresses;
        this.events = events;
    }

    /** Reserves (or finds) the account's address and publishes the outcome, in one transaction. */
    @Transactional
    public AssignmentOutcome assign(AssignmentRequest request) {
        AssignmentOutcome outcome = issuedAddresses.findByAccount(request.accountId())
                .map(held -> again(held, request))
                .orElseGet(() -> reserve(request));
        events.published(outcome);
        return outcome;
    }

    private AssignmentOutcome reserve(AssignmentRequest request) {
        Derivation result = derivation.derive(request.firstName(), request.lastName(), request.profession());
        if (result instanceof Derivation.Refused refused) {
            log.info("No MSSante address for account {}: {} ({})", request.accountId(), refused.reason(), refused.field());
            return new AssignmentOutcome.Refused(request.accountId(), refused.reason(), refused.detail());
        }
        Derivation.Derived derived = (Derivation.Derived) result;
        String domain = derived.domain();
        String nameKey = derived.name().stem();
        // Starting after the highest rank already issued is only a shortcut past the taken ones: whether a rank
        // is free is decided by the insert alone, so a stale or wrong hint costs an attempt, never a duplicate.
        int rank = issuedAddresses.highestRank(domain, nameKey) + 1;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            IssuedAddress candidate = new IssuedAddress(request.accountId(), derived.address(rank), nameKey, rank,
                    request.mailboxType());
            if (issuedAddresses.issueIfFree(candidate)) {
                log.info("MSSante address {} ({}) issued to account {}", candidate.address(), candidate.mailboxType(),
                        request.accountId());
                return new AssignmentOutcome.Assigned(candidate, true);
            }
            // Either the address is taken, or another delivery for this very account got there first.
            var held = issuedAddresses.findByAccount(request.accountId());
            if (held.isPresent()) {
                return again(held.get(), request);
            }
            rank = Math.max(rank + 1, issuedAddresses.highestRank(domain, nameKey) + 1);
        }
        throw new IllegalStateException("No free MSSante address for account " + request.accountId() + " after "
                + MAX_ATTEMPTS + " attempts from " + nameKey + "@" + domain);
    }

    private AssignmentOutcome again(IssuedAddress held, AssignmentRequest request) {
        MailboxType type = held.mailboxType().upgradedBy(request.mailboxType());
        if (type != held.mailboxType()) {
            issuedAddresses.changeMailboxType(held.accountId(), type);
            log.info("Mailbox {} of account {} upgraded from {} to {}", held.address(), held.accountId(),
                    held.mailboxType(), type);
            return new AssignmentOutcome.Assigned(held.withMailboxType(type), false, held.mailboxType());
        }
        Derivation now = derivation.derive(request.firstName(), request.lastName(), request.profession());
        if (!(now instanceof Derivation.Derived derived) || !derived.domain().equals(held.address().domain())
                || !derived.name().stem().equals(held.nameKey())) {
            // The address never changes; support should know that the declared identity did.
            log.warn("Account {} asked again with a name or profession that no longer gives {}: kept", held.accountId(),
                    held.address());
        }
        return new AssignmentOutcome.Assigned(held, false);
    }
}
