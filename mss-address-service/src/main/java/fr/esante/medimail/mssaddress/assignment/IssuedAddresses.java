package fr.esante.medimail.mssaddress.assignment;

import java.util.Optional;
import java.util.UUID;

/**
 * The register of issued addresses. Uniqueness of accounts and addresses is the register's job, under
 * concurrency and across service instances: callers never check whether an address is free before taking
 * it, they try to take it and look at the answer.
 */
public interface IssuedAddresses {

    Optional<IssuedAddress> findByAccount(UUID accountId);

    /**
     * Records {@code address} unless its account already holds an address or its address is already held,
     * including by a transaction still in flight (then waits for its outcome). True when recorded.
     */
    boolean issueIfFree(IssuedAddress address);

    /** The highest homonym rank issued for {@code nameKey} on {@code domain}; 0 when there is none. */
    int highestRank(String domain, String nameKey);

    void changeMailboxType(UUID accountId, MailboxType mailboxType);
}
