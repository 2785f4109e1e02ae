package fr.esante.medimail.notification.mail;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends e-mails over SMTP connections kept open between e-mails, instead of Spring's one connection (connect, EHLO,
 * QUIT) per e-mail: under load, opening connections was most of the mail consumer's time. Each consumer thread
 * borrows an open connection, sends, and gives it back; a connection idle for longer than {@code idle-check} is
 * checked (SMTP NOOP) before use, and one that failed is closed, never reused. A failed send throws, as before: the
 * event is not recorded as processed and is delivered again.
 */
@Component
public class SmtpConnections {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

    private final JavaMailSender mailSender;
    private final BlockingQueue<Idle> idle;
    private final long idleCheckNanos;
    private volatile boolean closed;

    public SmtpConnections(JavaMailSender mailSender,
                           @Value("${medimail.notification.smtp.max-idle-connections:4}") int maxIdle,
                           @Value("${medimail.notification.smtp.idle-check:5s}") Duration idleCheck) {
        this.mailSender = mailSender;
        this.idle = new ArrayBlockingQueue<>(Math.max(1, maxIdle));
        this.idleCheckNanos = idleCheck.toNanos();
    }

    /**
     * A new message whose {@code Message-ID} is {@code messageId}, kept when sending (JavaMail would otherwise make up a
     * new one): an e-mail sent again for the same event after a crash carries the same id, which lets mail clients and
     * servers recognise the duplicate.
     */
    public MimeMessage createMessage(String messageId) {
        Session session = mailSender instanceof JavaMailSenderImpl smtp ? smtp.getSession() : mailSender.createMimeMessage().getSession();
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }

    public void send(MimeMessage message) {
        if (!(mailSender instanceof JavaMailSenderImpl smtp)) {
            mailSender.send(message); // another sender (none in this service today): its own connection handling
            return;
        }
        Transport transport = borrow(smtp);
        try {
            if (message.getSentDate() == null) {
                message.setSentDate(new Date());
            }
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            close(transport);
            throw new MailSendException("SMTP send failed: " + e.getMessage(), e);
        }
        giveBack(transport);
    }

    private Transport borrow(JavaMailSenderImpl smtp) {
        Idle candidate;
        while ((candidate = idle.poll()) != null) {
            if (System.nanoTime() - candidate.since() < idleCheckNanos || candidate.transport().isConnected()) {
                return candidate.transport();
            }
            close(candidate.transport());
        }
        try {
            Transport transport = smtp.getSession().getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
            transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
            return transport;
        } catch (MessagingException e) {
            throw new MailSendException("Cannot connect to the SMTP server: " + e.getMessage(), e);
        }
    }

    private void giveBack(Transport transport) {
        if (closed || !idle.offer(new Idle(transport, System.nanoTime()))) {
            close(transport);
        }
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            log.debug("SMTP connection closed with an error: {}", e.toString());
        }
    }

    @PreDestroy
    void closeAll() {
        closed = true;
        Idle candidate;
        while ((candidate = idle.poll()) != null) {
            close(candidate.transport());
        }
    }

    private record Idle(Transport transport, long since) {
    }
}
