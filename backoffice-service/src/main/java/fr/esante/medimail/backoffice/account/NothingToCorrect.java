package fr.esante.medimail.backoffice.account;

import java.util.UUID;

/** A correction that would leave the account exactly as it is: refused, so that the audit only records real changes. */
public class NothingToCorrect extends RuntimeException {

    public NothingToCorrect(UUID accountId) {
        super("Correction of account " + accountId + " changes nothing");
    }
}
