package fr.esante.medimail.backoffice.promise;

/** Sends the reminder to the service desk (French e-mail). Throws when the mail server refuses it. */
public interface ReminderMail {

    void send(WaitingItem item, long waitedHours, java.time.Instant deadline);
}
