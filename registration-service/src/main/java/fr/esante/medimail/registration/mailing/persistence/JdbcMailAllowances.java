package fr.esante.medimail.registration.mailing.persistence;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.registration.mailing.MailAllowances;
import fr.esante.medimail.registration.mailing.MailKind;

/**
 * {@link MailAllowances} in table {@code mail_allowance}. The grant is one {@code INSERT … ON CONFLICT DO UPDATE
 * … WHERE}: the first mail creates the row; a later one updates it only if the conditions hold. A concurrent
 * caller waits on the row (or on the uncommitted insert) and re-checks the conditions on the committed version
 * (READ COMMITTED), so two requests can never both be granted the same slot.
 */
@Repository
class JdbcMailAllowances implements MailAllowances {

    private final JdbcClient jdbc;

    JdbcMailAllowances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean grant(String recipient, MailKind kind, Instant now, Instant lastBefore, Instant windowStartedAfter,
                         int perWindow) {
        return jdbc.sql("""
                        INSERT INTO mail_allowance (recipient, kind, last_granted_at, window_started_at, granted_in_window)
                        VALUES (:recipient, :kind, :now, :now, 1)
                        ON CONFLICT (recipient, kind) DO UPDATE SET
                            last_granted_at = EXCLUDED.last_granted_at,
                            window_started_at = CASE WHEN mail_allowance.window_started_at <= :windowStartedAfter
                                THEN EXCLUDED.window_started_at ELSE mail_allowance.window_started_at END,
                            granted_in_window = CASE WHEN mail_allowance.window_started_at <= :windowStartedAfter
                                THEN 1 ELSE mail_allowance.granted_in_window + 1 END
                        WHERE mail_allowance.last_granted_at <= :lastBefore
                          AND (mail_allowance.window_started_at <= :windowStartedAfter
                               OR mail_allowance.granted_in_window < :perWindow)""")
                .param("recipient", recipient)
                .param("kind", kind.name())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("lastBefore", lastBefore.atOffset(ZoneOffset.UTC))
                .param("windowStartedAfter", windowStartedAfter.atOffset(ZoneOffset.UTC))
                .param("perWindow", perWindow)
                .update() == 1;
    }
}
