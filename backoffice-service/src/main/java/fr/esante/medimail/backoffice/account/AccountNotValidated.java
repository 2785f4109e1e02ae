package fr.esante.medimail.backoffice.account;

import java.util.UUID;

/** Only a validated account can be closed: a pending one is rejected through its review instead. */
public class AccountNotValidated extends RuntimeException {

    public AccountNotValidated(UUID accountId) {
        super("Account " + accountId + " is not validated");
    }
}
