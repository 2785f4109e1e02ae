package fr.esante.medimail.backoffice.promise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the promise of a decision within 48 hours: every item of the queue (account or identity review) that has
 * waited longer than the reminder threshold (40 h by default) is e-mailed once to the service desk, so someone acts
 * before the promise is broken. Each reminder is recorded in the transaction that sends it: a failed send is tried
 * again at the next round, a sent one never twice.
 */
@Service
public class PromiseWatch {

    private static final Logger log = LoggerFactory.getLogger(PromiseWatch.class);
    private static final int BATCH = 100;

    private final WaitingItems items;
    private final ReminderMail mail;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration threshold;
    private final Duration promise;

    public PromiseWatch(WaitingItems items, ReminderMail mail, TransactionTemplate transactions, Clock clock,
                        @Value("${medimail.backoffice.reminder.after:40h}") Duration threshold,
                        @Value("${medimail.backoffice.review-promise:48h}") Duration promise) {
        this.items = items;
        this.mail = mail;
        this.transactions = transactions;
        this.clock = clock;
        this.threshold = threshold;
        this.promise = promise;
    }

    /** Returns how many reminders were sent. */
    @Scheduled(fixedDelayString = "${medimail.backoffice.reminder.check-interval:5m}",
            initialDelayString = "${medimail.backoffice.reminder.initial-delay:1m}")
    public int remindOverdue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int sent = 0;
        for (WaitingItem item : items.withoutReminderWaitingSince(now.minus(threshold), BATCH)) {
            try {
                Boolean done = transactions.execute(status -> {
                    if (!items.reminded(item, now)) {
                        return false;
                    }
                    mail.send(item, Duration.between(item.waitingSince(), now).toHours(), item.waitingSince().plus(promise));
                    return true;
                });
                if (Boolean.TRUE.equals(done)) {
                    sent++;
                    log.info("Reminder sent to the service desk for {} review {} (waiting since {})", item.kind(),
                            item.id(), item.waitingSince());
                }
            } catch (RuntimeException e) {
                log.warn("Reminder for {} review {} not sent, will retry: {}", item.kind(), item.id(), e.toString());
            }
        }
        return sent;
    }
}
