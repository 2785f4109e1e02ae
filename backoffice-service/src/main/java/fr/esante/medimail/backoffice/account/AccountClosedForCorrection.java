package fr.esante.medimail.backoffice.account;

/** A closed account is not corrected: its entry left the directory, and reopening it comes first. */
public class AccountClosedForCorrection extends RuntimeException {

    private final transient AccountClosure closure;

    private final CorrectionSubject subject;

    public AccountClosedForCorrection(AccountClosure closure, CorrectionSubject subject) {
        super("Account " + closure.accountId() + " is closed: no correction");
        this.closure = closure;
        this.subject = subject;
    }

    public CorrectionSubject subject() {
        return subject;
    }

    public AccountClosure closure() {
        return closure;
    }
}
