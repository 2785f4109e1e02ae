package fr.esante.medimail.backoffice.account;

import java.util.Optional;
import java.util.UUID;

/** The accounts staff closed (and have not reopened). */
public interface AccountClosures {

    Optional<AccountClosure> find(UUID accountId);

    /** Records the closure unless the account is closed already; returns whether it was recorded. */
    boolean close(AccountClosure closure);

    /** Removes the closure; returns it, or empty when the account was not closed. */
    Optional<AccountClosure> reopen(UUID accountId);
}
