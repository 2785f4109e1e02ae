package fr.esante.medimail.notification.mail;

import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Renders and sends an e-mail, recording it (recipient, subject, template: never the body, which may carry a link with
 * a secret) in three steps, each committed on its own:
 * <ol>
 *   <li>the intent, before the send: if the database does not answer, nothing is sent and the event is delivered
 *       again later; if an earlier delivery of the same event already marked its e-mail sent, nothing is sent again;</li>
 *   <li>the send: if the SMTP server refuses, the exception makes the event be delivered again;</li>
 *   <li>the mark, once the server accepted it, retried with a bounded back-off ({@code mark-sent-patience}) until the
 *       database answers again. A database that fails right after the SMTP acceptance (it was the case of the one
 *       e-mail the fault-injection suite found sent twice) delays the mark instead of sending the e-mail again.</li>
 * </ol>
 * The caller must not run this inside a transaction of its own (notification-service's consumers run outside one,
 * {@code EventConsumers.consumerOutsideTransaction}): a rollback of it must not take the record along.
 *
 * <p>One window is left, and SMTP cannot close it: a process killed (SIGKILL, power loss) between the server's
 * acceptance and the mark, or a database down for longer than the patience, leaves the intent unmarked, and the
 * redelivered event sends the e-mail again. That second copy carries the same Message-ID, derived from the event id
 * and the template, so mail servers and clients can recognise it as the same e-mail, and the row's {@code attempts}
 * tells support that it may have been received twice.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final SmtpConnections connections;
    private final TemplateEngine templates;
    private final SentMails sentMails;
    private final String sender;
    private final String senderName;
    private final Duration markSentPatience;

    public MailDelivery(SmtpConnections connections, TemplateEngine templates, SentMails sentMails,
                        @Value("${medimail.notification.sender}") String sender,
                        @Value("${medimail.notification.sender-name}") String senderName,
                        @Value("${medimail.notification.mark-sent-patience:10m}") Duration markSentPatience) {
        this.connections = connections;
        this.templates = templates;
        this.sentMails = sentMails;
        this.sender = sender;
        this.senderName = senderName;
        this.markSentPatience = markSentPatience;
    }

    public void send(OutgoingMail mail) {
        MimeMessage message = render(mail);
        SentMails.Earlier earlier = sentMails.intendToSend(mail);
        if (earlier == SentMails.Earlier.SENT) {
            log.info("E-mail '{}' of event {} already sent: not sent again", mail.template(), mail.eventId());
            return;
        }
        if (earlier == SentMails.Earlier.UNFINISHED) {
            log.warn("E-mail '{}' of event {}: an earlier attempt did not finish; sent now with the same Message-ID",
                    mail.template(), mail.eventId());
        }
        connections.send(message);
        markSent(mail);
        log.info("Sent e-mail '{}' for account {}", mail.template(), mail.accountId());
    }

    private MimeMessage render(OutgoingMail mail) {
        Context context = new Context(Locale.FRENCH, mail.variables());
        String html = templates.process("notification/" + mail.template() + ".html", context);
        String text = hasTextVersion(mail.template()) ? templates.process("notification/" + mail.template() + ".txt", context) : null;
        try {
            // One Message-ID per event: the same e-mail sent again after a crash is recognisable as a duplicate.
            MimeMessage message = connections.createMessage("<" + mail.eventId() + "." + mail.template() + "@medimail.mipih.fr>");
            // multipart/alternative: a plain-text part for clients that do not show HTML, then the HTML. A template
            // with a hand-written plain-text sibling (<name>.txt) uses it; others get the text read off the HTML.
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(sender, senderName);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(text != null ? text : PlainText.fromHtml(html), html);
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("Cannot build the e-mail " + mail.template(), e);
        }
    }

    /**
     * Once the server accepted the e-mail, giving up on the mark means sending it twice: worth waiting for a database
     * that is restarting, within the patience (shorter than the consumer's poll interval, so the wait does not cost
     * the consumer its partitions).
     */
    private void markSent(OutgoingMail mail) {
        long deadline = System.nanoTime() + markSentPatience.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                sentMails.markSent(mail);
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() + pause.toNanos() > deadline) {
                    throw new IllegalStateException("E-mail '" + mail.template() + "' of event " + mail.eventId()
                            + " was accepted by the SMTP server but could not be marked sent within " + markSentPatience, e);
                }
                log.warn("E-mail '{}' of event {} accepted by the SMTP server, not yet marked sent ({}); retrying in {} ms",
                        mail.template(), mail.eventId(), e.toString(), pause.toMillis());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while marking an e-mail sent", e);
        }
    }

    private final Map<String, Boolean> textVersions = new ConcurrentHashMap<>();

    private boolean hasTextVersion(String template) {
        return textVersions.computeIfAbsent(template, name ->
                MailDelivery.class.getClassLoader().getResource("templates/notification/" + name + ".txt") != null);
    }
}
