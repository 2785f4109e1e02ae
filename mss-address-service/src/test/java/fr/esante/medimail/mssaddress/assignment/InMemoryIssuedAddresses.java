package fr.esante.medimail.mssaddress.assignment;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The register's contract in memory: one address per account, one account per address, attempts counted. */
class InMemoryIssuedAddresses implements IssuedAddresses {

    private final Map<UUID, IssuedAddress> byAccount = new HashMap<>();
    private final Map<String, UUID> accountByAddress = new HashMap<>();
    int insertAttempts;

    @Override
    public synchronized Optional<IssuedAddress> findByAccount(UUID accountId) {
        return Optional.ofNullable(byAccount.get(accountId));
    }

    @Override
    public synchronized boolean issueIfFree(IssuedAddress address) {
        insertAttempts++;
        if (byAccount.containsKey(address.accountId()) || accountByAddress.containsKey(address.address().address())) {
            return false;
        }
        byAccount.put(address.accountId(), address);
        accountByAddress.put(address.address().address(), address.accountId());
        return true;
    }

    @Override
    public synchronized int highestRank(String domain, String nameKey) {
        return byAccount.values().stream()
                .filter(a -> a.address().domain().equals(domain) && a.nameKey().equals(nameKey))
                .mapToInt(IssuedAddress::homonymRank).max().orElse(0);
    }

    @Override
    public synchronized void changeMailboxType(UUID accountId, MailboxType mailboxType) {
        byAccount.computeIfPresent(accountId, (id, held) -> held.withMailboxType(mailboxType));
    }
}
