package fr.esante.medimail.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/** The SMTP server: stopped and started again on the same port; what it received survives its restarts. */
final class Smtp {
    record Mail(String to, String subject, String body, String messageId) {
    }

    final int port;
    private final List<Mail> received = new CopyOnWriteArrayList<>();
    private GreenMail server;

    Smtp(int port) {
        this.port = port;
        start();
    }

    synchronized void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    synchronized void stop() {
        if (server != null) {
            received.addAll(parse(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    synchronized List<Mail> allMails() {
        List<Mail> all = new ArrayList<>(received);
        if (server != null) {
            all.addAll(parse(server.getReceivedMessages()));
        }
        return all;
    }

    private static List<Mail> parse(MimeMessage[] messages) {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : messages) {
            try {
                mails.add(new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), text(message.getContent()),
                        message.getMessageID()));
            } catch (Exception e) {
                throw new IllegalStateException("Unreadable e-mail at the SMTP server", e);
            }
        }
        return mails;
    }

    /** The decoded text of every part (the raw body is quoted-printable, which would break the link). */
    private static String text(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i).getContent()));
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}
