package fr.esante.medimail.backoffice.account;

import java.time.Instant;

/** Tells the platform (registration-service) that an account was closed or reopened, inside the action's transaction. */
public interface AccountCarePublisher {

    void closed(AccountClosure closure, String mssAddress);

    void reopened(AccountClosure formerClosure, Instant at, String staff);
}
