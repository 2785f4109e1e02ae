package fr.esante.medimail.notification.mail;

import java.io.UnsupportedEncodingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.Locale;

/**
 * Renders and sends an e-mail, then records that it was sent (recipient, subject, template: never the
 * body, which may carry a link with a secret). Runs inside the consumer's transaction: if the SMTP server
 * refuses, the exception rolls the transaction back and the event is delivered again.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JavaMailSender mailSender;
    private final TemplateEngine templates;
    private final SentMails sentMails;
    private final String sender;
    private final String senderName;

    public MailDelivery(JavaMailSender mailSender, TemplateEngine templates, SentMails sentMails,
                        @Value("${medimail.notification.sender}") String sender,
                        @Value("${medimail.notification.sender-name}") String senderName) {
        this.mailSender = mailSender;
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
            MimeMessage message = mailSender.createMimeMessage();
            // multipart/alternative: a plain-text part for clients that do not show HTML, then the HTML. A template
            // with a hand-written plain-text sibling (<name>.txt) uses it; others get the text read off the HTML.
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(sender, senderName);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(text != null ? text : PlainText.fromHtml(html), html);
            mailSender.send(message);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("Cannot build the e-mail " + mail.template(), e);
        }
        sentMails.recordSent(mail);
        log.info("Sent e-mail '{}' for account {}", mail.template(), mail.accountId());
    }

    private static boolean hasTextVersion(String template) {
        return MailDelivery.class.getClassLoader().getResource("templates/notification/" + template + ".txt") != null;
    }
}
