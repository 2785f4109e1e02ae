package fr.esante.medimail.notification.mail;

import java.io.UnsupportedEncodingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders and sends an e-mail, then records that it was sent (recipient, subject, template: never the
 * body, which may carry a link with a secret). Runs inside the consumer's transaction: if the SMTP server
 * refuses, the exception rolls the transaction back and the event is delivered again.
 *
 * <p>The send stays inside that transaction on purpose. Recording the intent, sending, then marking it sent in
 * separate transactions would shorten the transaction but not close the gap SMTP leaves: a crash after the server
 * accepted the e-mail and before the mark sends it again either way. Kept-open SMTP connections
 * ({@link SmtpConnections}) make the send a few milliseconds, so the transaction is short anyway, and the Message-ID
 * derived from the event id makes such a rare second copy recognisable as the same e-mail.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final SmtpConnections connections;
    private final TemplateEngine templates;
    private final SentMails sentMails;
    private final String sender;
    private final String senderName;

    public MailDelivery(SmtpConnections connections, TemplateEngine templates, SentMails sentMails,
                        @Value("${medimail.notification.sender}") String sender,
                        @Value("${medimail.notification.sender-name}") String senderName) {
        this.connections = connections;
        this.templates = templates;
        this.sentMails = sentMails;
        this.sender = sender;
        this.senderName = senderName;
    }

    public void send(OutgoingMail mail) {
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
            connections.send(message);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("Cannot build the e-mail " + mail.template(), e);
        }
        sentMails.recordSent(mail);
        log.info("Sent e-mail '{}' for account {}", mail.template(), mail.accountId());
    }

    private final Map<String, Boolean> textVersions = new ConcurrentHashMap<>();

    private boolean hasTextVersion(String template) {
        return textVersions.computeIfAbsent(template, name ->
                MailDelivery.class.getClassLoader().getResource("templates/notification/" + name + ".txt") != null);
    }
}
