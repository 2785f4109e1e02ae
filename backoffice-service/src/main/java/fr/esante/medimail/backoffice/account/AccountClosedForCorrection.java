package fr.esante.medimail.backoffice.account;

/** A closed account is not corrected: its entry left the directory, and reopening it comes first. */
public class AccountClosedForCorrection extends RuntimeException {

    private final transient AccountClosure closure;

    public AccountClosedForCorrection(AccountClosure closure) {
        super("Account " + closure.accountId() + " is closed: no correction");
        this.closure = closure;
    }

    public AccountClosure closure() {
        return closure;
    }
}
