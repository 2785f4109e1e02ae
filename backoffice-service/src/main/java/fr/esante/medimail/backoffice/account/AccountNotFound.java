package fr.esante.medimail.backoffice.account;

import java.util.UUID;

/** The back office knows no account by this id. */
public class AccountNotFound extends RuntimeException {

    public AccountNotFound(UUID accountId) {
        super("No account " + accountId);
    }
}
