package fr.esante.medimail.registration.mailing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the platform from flooding a mailbox: per address and kind of mail, at most one mail per
 * {@code interval} and {@code perDay} mails per 24 hours, however many requests arrive at once (a hundred
 * parallel registrations of one address send one confirmation mail). Ask {@link #take} before deciding to
 * send, in the transaction that records the mail's event: refused means do nothing (the previous mail stays good).
 */
@Service
public class MailAllowance {

    private static final Logger log = LoggerFactory.getLogger(MailAllowance.class);
    private static final Duration WINDOW = Duration.ofDays(1);

    private final MailAllowances allowances;
    private final Clock clock;
    private final Duration interval;
    private final int perDay;

    public MailAllowance(MailAllowances allowances, Clock clock,
                         @Value("${medimail.registration.mail-allowance.interval:1m}") Duration interval,
                         @Value("${medimail.registration.mail-allowance.per-day:5}") int perDay) {
        this.allowances = allowances;
        this.clock = clock;
        this.interval = interval;
        this.perDay = perDay;
    }

    /** @return true when a mail of this kind may be sent to this (normalised) address now; it is then counted */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean take(String normalisedEmail, MailKind kind) {
        Instant now = clock.instant();
        boolean granted = allowances.grant(normalisedEmail, kind, now, now.minus(interval), now.minus(WINDOW), perDay);
        if (!granted) {
            // No address in the log: the account id, when there is one, is logged by the caller.
            log.info("{} mail not sent: allowance for this address used up", kind);
        }
        return granted;
    }
}
