package fr.esante.medimail.mssaddress.assignment;

/**
 * The kind of personal mailbox (TRE_R257 plus Medimail's own {@code INT}): {@code PER} for a professional
 * with a national id (RPPS/ADELI), {@code INT} for one still waiting for it (foreign or in training).
 */
public enum MailboxType {
    PER,
    INT;

    /** A national id, once verified, is not lost: PER wins over INT whatever the order of the requests. */
    public MailboxType upgradedBy(MailboxType requested) {
        return this == PER || requested == PER ? PER : INT;
    }
}
