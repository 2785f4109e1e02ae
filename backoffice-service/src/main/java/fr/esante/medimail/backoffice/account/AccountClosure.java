package fr.esante.medimail.backoffice.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Staff closed the account: its mailbox is out of the directory, its MSSante address is never issued again. */
public record AccountClosure(UUID accountId, Instant closedAt, String closedBy, String reason) {

    public AccountClosure {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(closedBy, "closedBy");
        Objects.requireNonNull(reason, "reason");
    }
}
