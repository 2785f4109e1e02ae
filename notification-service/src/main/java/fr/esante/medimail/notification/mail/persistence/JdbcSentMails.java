package fr.esante.medimail.notification.mail.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.notification.mail.OutgoingMail;
import fr.esante.medimail.notification.mail.SentMails;

/** The {@code sent_email} table, one row per event and template. */
@Repository
class JdbcSentMails implements SentMails {

    private final JdbcClient jdbc;

    JdbcSentMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Earlier intendToSend(OutgoingMail mail) {
        int inserted = jdbc.sql("""
                        INSERT INTO sent_email (event_id, account_id, recipient, subject, template)
                        VALUES (:eventId, :accountId, :recipient, :subject, :template)
                        ON CONFLICT (event_id, template) DO NOTHING""")
                .param("eventId", mail.eventId())
                .param("accountId", mail.accountId())
                .param("recipient", mail.to())
                .param("subject", mail.subject())
                .param("template", mail.template())
                .update();
        if (inserted == 1) {
            return Earlier.NONE;
        }
        boolean sent = jdbc.sql("""
                        UPDATE sent_email SET attempts = attempts + 1
                        WHERE event_id = :eventId AND template = :template
                        RETURNING sent_at IS NOT NULL""")
                .param("eventId", mail.eventId())
                .param("template", mail.template())
                .query(Boolean.class).single();
        return sent ? Earlier.SENT : Earlier.UNFINISHED;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void markSent(OutgoingMail mail) {
        jdbc.sql("UPDATE sent_email SET sent_at = now() WHERE event_id = :eventId AND template = :template AND sent_at IS NULL")
                .param("eventId", mail.eventId())
                .param("template", mail.template())
                .update();
    }
}
