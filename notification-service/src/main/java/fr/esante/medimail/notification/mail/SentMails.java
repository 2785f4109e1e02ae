package fr.esante.medimail.notification.mail;

/**
 * The record of the e-mails sent: recipient, subject and template, never the body (it may carry a link with a
 * secret). Implementations write in the caller's transaction.
 */
public interface SentMails {

    void recordSent(OutgoingMail mail);
}
