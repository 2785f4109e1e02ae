package fr.esante.medimail.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The kept-open SMTP connections, against a mail server of their own that the tests stop and restart. */
class SmtpConnectionsTest {

    private GreenMail server;
    private ServerSetup setup;
    private JavaMailSenderImpl sender;
    private SmtpConnections connections;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        server = new GreenMail(setup);
        server.start();
        sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        // Idle check at zero: every reuse checks the connection first, as after a quiet period in production.
        connections = new SmtpConnections(sender, 2, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        connections.closeAll();
        server.stop();
    }

    @Test
    void manyEMailsInARowAllArriveOnce() throws Exception {
        for (int i = 0; i < 20; i++) {
            connections.send(mail("pro" + i + "@example.org", "Message " + i));
        }
        MimeMessage[] received = server.getReceivedMessages();
        assertThat(received).hasSize(20);
        assertThat(Arrays.stream(received).map(SmtpConnectionsTest::subject).distinct()).hasSize(20);
    }

    @Test
    void aMailServerRestartBetweenTwoEMailsLosesNone() throws Exception {
        connections.send(mail("avant@example.org", "Avant"));
        server.stop();
        server = new GreenMail(setup);
        server.start();

        connections.send(mail("apres@example.org", "Après"));

        assertThat(server.getReceivedMessages()).extracting(SmtpConnectionsTest::subject).containsExactly("Après");
    }

    @Test
    void aMailServerThatIsDownMakesTheSendFailSoTheEventIsDeliveredAgain() throws Exception {
        connections.send(mail("avant@example.org", "Avant"));
        server.stop();

        assertThatThrownBy(() -> connections.send(mail("perdu@example.org", "Jamais")))
                .isInstanceOf(MailSendException.class);

        server = new GreenMail(setup);
        server.start();
        connections.send(mail("perdu@example.org", "Réessai"));
        assertThat(server.getReceivedMessages()).extracting(SmtpConnectionsTest::subject).containsExactly("Réessai");
    }

    @Test
    void anEMailSentAgainForTheSameEventCarriesTheSameMessageIdSoItIsRecognisedAsADuplicate() throws Exception {
        String id = "<" + java.util.UUID.randomUUID() + ".account-requested@medimail.mipih.fr>";
        connections.send(mail(connections.createMessage(id), "pro@example.org", "Confirmez"));
        connections.send(mail(connections.createMessage(id), "pro@example.org", "Confirmez"));

        assertThat(server.getReceivedMessages()).extracting(m -> m.getMessageID()).containsExactly(id, id);
    }

    private MimeMessage mail(String to, String subject) throws Exception {
        return mail(sender.createMimeMessage(), to, subject);
    }

    private MimeMessage mail(MimeMessage message, String to, String subject) throws Exception {
        message.setFrom(new InternetAddress("cerbere@mipih.fr"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText("Bonjour", "UTF-8");
        return message;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
