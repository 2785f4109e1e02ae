package fr.esante.medimail.backoffice.promise;

import java.time.Instant;
import java.util.List;

/** What the promise watch reads of the queue and writes of its reminders. */
public interface WaitingItems {

    /** Pending items waiting since before {@code threshold} whose reminder was not sent, oldest first. */
    List<WaitingItem> withoutReminderWaitingSince(Instant threshold, int limit);

    /** Records the reminder of the item; false when it was recorded already (by another instance). */
    boolean reminded(WaitingItem item, Instant at);

    /** Figures for the metrics: pending items of a kind and the oldest one's waiting start (null when none). */
    long pending(String kind);

    Instant oldestWaitingSince(String kind);

    /** Decisions (account, identity and ORG reviews) taken since {@code since}. */
    long decidedSince(Instant since);
}
