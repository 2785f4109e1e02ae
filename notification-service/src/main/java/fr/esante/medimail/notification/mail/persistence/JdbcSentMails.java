package fr.esante.medimail.notification.mail.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.notification.mail.OutgoingMail;
import fr.esante.medimail.notification.mail.SentMails;

/** The {@code sent_email} table. */
@Repository
class JdbcSentMails implements SentMails {

    private final JdbcClient jdbc;

    JdbcSentMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recordSent(OutgoingMail mail) {
        jdbc.sql("""
                        INSERT INTO sent_email (event_id, account_id, recipient, subject, template)
                        VALUES (:eventId, :accountId, :recipient, :subject, :template)""")
                .param("eventId", mail.eventId())
                .param("accountId", mail.accountId())
                .param("recipient", mail.to())
                .param("subject", mail.subject())
                .param("template", mail.template())
                .update();
    }
}
