package fr.esante.medimail.backoffice.review;

import java.util.UUID;

/** Another review of the same account was approved already: an account is validated once. */
public class AccountAlreadyValidated extends RuntimeException {

    public AccountAlreadyValidated(UUID accountId) {
        super("Account " + accountId + " is already validated");
    }
}
