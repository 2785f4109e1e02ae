package fr.esante.medimail.backoffice.account;

import java.util.UUID;

/** A correction that would leave the account exactly as it is: refused, so that the audit only records real changes. */
public class NothingToCorrect extends RuntimeException {

    private final CorrectionSubject subject;

    public NothingToCorrect(UUID accountId, CorrectionSubject subject) {
        super("Correction of account " + accountId + " (" + subject + ") changes nothing");
        this.subject = subject;
    }

    public CorrectionSubject subject() {
        return subject;
    }
}
