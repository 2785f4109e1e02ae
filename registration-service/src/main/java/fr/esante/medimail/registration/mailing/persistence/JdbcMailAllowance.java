package fr.esante.medimail.registration.mailing.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.registration.mailing.MailAllowance;

/**
 * {@link MailAllowance} in table {@code mail_allowance}: one upsert whose update only happens when the allowance
 * has room, so parallel requests for one address queue on its row and only those within the allowance win.
 */
@Repository
class JdbcMailAllowance implements MailAllowance {

    private final JdbcClient jdbc;

    JdbcMailAllowance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean tryTake(String recipient, String kind, Instant now, Duration interval, int perDay) {
        Timestamp at = Timestamp.from(now);
        Timestamp dayAgo = Timestamp.from(now.minus(Duration.ofDays(1)));
        return jdbc.sql("""
                        INSERT INTO mail_allowance (recipient, kind, window_start, sent_in_window, last_sent_at)
                        VALUES (:recipient, :kind, :now, 1, :now)
                        ON CONFLICT (recipient, kind) DO UPDATE SET
                            window_start = CASE WHEN mail_allowance.window_start <= :dayAgo THEN :now ELSE mail_allowance.window_start END,
                            sent_in_window = CASE WHEN mail_allowance.window_start <= :dayAgo THEN 1 ELSE mail_allowance.sent_in_window + 1 END,
                            last_sent_at = :now
                        WHERE mail_allowance.last_sent_at <= :intervalAgo
                          AND (mail_allowance.window_start <= :dayAgo OR mail_allowance.sent_in_window < :perDay)""")
                .param("recipient", recipient).param("kind", kind).param("now", at).param("dayAgo", dayAgo)
                .param("intervalAgo", Timestamp.from(now.minus(interval))).param("perDay", perDay)
                .update() == 1;
    }
}
