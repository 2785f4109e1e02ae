package fr.esante.medimail.backoffice.account;

import java.util.UUID;

/** Reopening an account that is not closed. */
public class AccountNotClosed extends RuntimeException {

    public AccountNotClosed(UUID accountId) {
        super("Account " + accountId + " is not closed");
    }
}
