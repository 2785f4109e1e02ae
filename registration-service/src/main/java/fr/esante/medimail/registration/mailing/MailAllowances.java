package fr.esante.medimail.registration.mailing;

import java.time.Instant;

/** Where the mails granted to each address are counted (port; one row per address and kind). */
public interface MailAllowances {

    /**
     * Grants one mail of this kind to this address, and counts it, when the last one granted is at least
     * {@code lastBefore} old and fewer than {@code perWindow} were granted in the window that started after
     * {@code windowStartedAfter}. One conditional write: of concurrent callers, at most one can be granted.
     * Runs in the caller's transaction, so that a grant whose mail is rolled back is rolled back too.
     *
     * @return true when granted
     */
    boolean grant(String recipient, MailKind kind, Instant now, Instant lastBefore, Instant windowStartedAfter, int perWindow);
}
