package fr.esante.medimail.mssaddress.assignment;

import java.util.UUID;

import fr.esante.medimail.mssaddress.derivation.RefusalReason;

/** What an assignment request ended with. */
public sealed interface AssignmentOutcome {

    UUID accountId();

    /**
     * The account holds {@code issued}. {@code newlyIssued} is false when the account already held it (a
     * repeated request), possibly with its mailbox type upgraded from INT to PER by this request: then
     * {@code upgradedFrom} is the type it had before (else null).
     */
    record Assigned(IssuedAddress issued, boolean newlyIssued, MailboxType upgradedFrom) implements AssignmentOutcome {

        public Assigned(IssuedAddress issued, boolean newlyIssued) {
            this(issued, newlyIssued, null);
        }

        @Override
        public UUID accountId() {
            return issued.accountId();
        }
    }

    /** No address can be derived; {@code detail} is French, for whoever reads the refusal. */
    record Refused(UUID accountId, RefusalReason reason, String detail) implements AssignmentOutcome {
    }
}
