package fr.esante.medimail.notification.mail;

/**
 * The record of the e-mails sent: recipient, subject and template, never the body (it may carry a link with a
 * secret). Each method commits on its own, whatever the caller's transaction: the record must outlive a rollback
 * that happens after the SMTP server accepted the e-mail.
 */
public interface SentMails {

    /**
     * Records that this e-mail is about to be sent (or counts one more attempt of it), committed before the send.
     *
     * @return what an earlier delivery of the same event left
     */
    Earlier intendToSend(OutgoingMail mail);

    /** Marks the e-mail sent: the SMTP server accepted it. */
    void markSent(OutgoingMail mail);

    /** What the record held for this event's e-mail before this delivery. */
    enum Earlier {
        /** First delivery of this event. */
        NONE,
        /** An earlier delivery recorded the intent but not the acceptance: it failed, or died after the send. */
        UNFINISHED,
        /** The SMTP server accepted it already: nothing to send. */
        SENT
    }
}
