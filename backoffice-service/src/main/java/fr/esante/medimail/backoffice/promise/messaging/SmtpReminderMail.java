package fr.esante.medimail.backoffice.promise.messaging;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import fr.esante.medimail.backoffice.promise.ReminderMail;
import fr.esante.medimail.backoffice.BackofficeApplication;
import fr.esante.medimail.backoffice.promise.WaitingItem;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * The reminder as a plain-text French e-mail to the service desk's address. Staff mail, sent by the back office itself:
 * notification-service writes to applicants.
 */
@Component
class SmtpReminderMail implements ReminderMail {

    private static final UserTexts TEXTS = UserTexts.of(BackofficeApplication.NAME);

    private static final DateTimeFormatter FRENCH_DATE_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

    private final JavaMailSender sender;
    private final String serviceDesk;
    private final String from;
    private final String pagesUrl;

    SmtpReminderMail(JavaMailSender sender,
                     @Value("${medimail.backoffice.reminder.service-desk-address}") String serviceDesk,
                     @Value("${medimail.backoffice.reminder.from}") String from,
                     @Value("${medimail.backoffice.public-url}") String pagesUrl) {
        this.sender = sender;
        this.serviceDesk = serviceDesk;
        this.from = from;
        this.pagesUrl = pagesUrl;
    }

    @Override
    public void send(WaitingItem item, long waitedHours, Instant deadline) {
        String who = item.firstName() + " " + item.lastName();
        String what = switch (item.kind()) {
            case "IDENTITY" -> TEXTS.text("promise.reminder.what.identity");
            case "ORG" -> TEXTS.text("promise.reminder.what.org");
            default -> TEXTS.text("promise.reminder.what.account");
        };
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(serviceDesk);
        // Numbers as strings: MessageFormat would group their digits.
        String hours = Long.toString(waitedHours);
        message.setSubject(TEXTS.text("promise.reminder.subject", hours, who));
        String applicant = who + (item.email() == null ? "" : " (" + item.email() + ")")
                + (item.identifier() == null ? "" : ", " + item.identifierType() + " " + item.identifier());
        message.setText(TEXTS.text("promise.reminder.body", what, applicant, hours, FRENCH_DATE_TIME.format(deadline),
                pagesUrl + "/reviews", item.id().toString()));
        sender.send(message);
    }
}
