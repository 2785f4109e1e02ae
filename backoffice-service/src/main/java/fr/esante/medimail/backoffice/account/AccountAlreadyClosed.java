package fr.esante.medimail.backoffice.account;

/** The account is closed already (possibly a moment ago, by someone else). */
public class AccountAlreadyClosed extends RuntimeException {

    private final transient AccountClosure closure;

    public AccountAlreadyClosed(AccountClosure closure) {
        super("Account " + closure.accountId() + " is already closed");
        this.closure = closure;
    }

    public AccountClosure closure() {
        return closure;
    }
}
