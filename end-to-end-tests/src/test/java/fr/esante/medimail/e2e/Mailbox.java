package fr.esante.medimail.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.awaitility.Awaitility;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;

/** Reads a recipient's e-mails over IMAP from the platform's mail server, as a person's mail client would. */
final class Mailbox {

    record Mail(String from, String subject, String body) {
    }

    private final String host;
    private final int imapPort;

    Mailbox(String host, int imapPort) {
        this.host = host;
        this.imapPort = imapPort;
    }

    /** Waits until the recipient has a message whose subject contains {@code subjectPart}. */
    Mail awaitMail(String recipient, String subjectPart) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> read(recipient).stream().filter(m -> m.subject().contains(subjectPart)).findFirst().orElse(null),
                        mail -> mail != null);
    }

    List<Mail> read(String recipient) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(host, imapPort, recipient, "any password");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                mails.add(new Mail(message.getFrom()[0].toString(), message.getSubject(), text(message.getContent())));
            }
            inbox.close(false);
            return mails;
        } finally {
            store.close();
        }
    }

    private static String text(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i).getContent()));
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}
