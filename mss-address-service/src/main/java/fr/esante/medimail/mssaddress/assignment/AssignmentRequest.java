package fr.esante.medimail.mssaddress.assignment;

import java.util.Objects;
import java.util.UUID;

/** A verified professional who needs an address: the names as declared and the TRE_G15 profession code. */
public record AssignmentRequest(UUID accountId, String firstName, String lastName, String profession,
                                MailboxType mailboxType) {

    public AssignmentRequest {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(mailboxType, "mailboxType");
    }
}
