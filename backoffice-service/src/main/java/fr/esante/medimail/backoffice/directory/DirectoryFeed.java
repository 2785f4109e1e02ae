package fr.esante.medimail.backoffice.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.backoffice.account.AccountClosures;
import fr.esante.medimail.backoffice.applicant.AccountStandingChanged;
import fr.esante.medimail.backoffice.applicant.ApplicantFileUpdated;
import fr.esante.medimail.backoffice.applicant.ApplicantFiles;
import fr.esante.medimail.backoffice.review.Review;
import fr.esante.medimail.backoffice.review.ReviewStatus;
import fr.esante.medimail.backoffice.review.Reviews;

/**
 * Keeps the directory feed (compacted topic, one entry per MSSante address) equal to what the platform knows:
 * after every change of an account's file or standing, works out the entry it must have now and publishes it when it
 * differs from the one last published, or a tombstone when it must disappear. Nothing is published for a change that
 * does not alter the entry (a redelivered event, a new fact about a pending account).
 */
@Service
public class DirectoryFeed {

    private static final Logger log = LoggerFactory.getLogger(DirectoryFeed.class);

    private final ApplicantFiles files;
    private final Reviews reviews;
    private final AccountClosures closures;
    private final DirectoryListings listings;
    private final DirectoryPublisher publisher;
    private final Clock clock;

    public DirectoryFeed(ApplicantFiles files, Reviews reviews, AccountClosures closures, DirectoryListings listings,
                         DirectoryPublisher publisher, Clock clock) {
        this.files = files;
        this.reviews = reviews;
        this.closures = closures;
        this.listings = listings;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Runs inside the transaction that changed the file. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onApplicantFileUpdated(ApplicantFileUpdated update) {
        refresh(update.file().accountId());
    }

    /** Runs inside the transaction that validated, closed or reopened the account. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onAccountStandingChanged(AccountStandingChanged change) {
        refresh(change.accountId());
    }

    /** The entry the directory must show now for this account (the platform's own view), if any. */
    @Transactional(readOnly = true)
    public Optional<DirectoryListing> currentEntry(UUID accountId) {
        return files.find(accountId).flatMap(file -> DirectoryListing.of(file, validatedAt(accountId),
                closures.find(accountId).isPresent()));
    }

    /** What republishing one account did. */
    public enum Republished { PUBLISHED, WITHDRAWN, NOTHING }

    /**
     * Publishes the account's current entry again even if unchanged (or the tombstone of the one last published when
     * it must no longer be listed): the directory backfill, for publishers who lost their copy or a topic rebuilt.
     * Runs inside the caller's transaction, like every other change of the feed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Republished republish(UUID accountId) {
        listings.lock(accountId);
        Optional<DirectoryListing> wanted = currentEntry(accountId);
        Optional<PublishedListing> last = listings.lastPublished(accountId);
        if (wanted.isEmpty()) {
            if (last.isEmpty()) {
                return Republished.NOTHING;
            }
            publisher.withdraw(last.get().mssAddress());
            listings.withdrawn(accountId);
            return Republished.WITHDRAWN;
        }
        DirectoryListing listing = wanted.get();
        if (last.isPresent() && !last.get().mssAddress().equals(listing.mssAddress())) {
            publisher.withdraw(last.get().mssAddress());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        publisher.publish(listing, now);
        listings.published(accountId, listing, now);
        return Republished.PUBLISHED;
    }

    private void refresh(UUID accountId) {
        listings.lock(accountId);
        Optional<DirectoryListing> wanted = currentEntry(accountId);
        Optional<PublishedListing> last = listings.lastPublished(accountId);
        if (wanted.isEmpty()) {
            last.ifPresent(published -> {
                publisher.withdraw(published.mssAddress());
                listings.withdrawn(accountId);
                log.info("Directory entry {} of account {} withdrawn", published.mssAddress(), accountId);
            });
            return;
        }
        DirectoryListing listing = wanted.get();
        if (last.isPresent() && !last.get().mssAddress().equals(listing.mssAddress())) {
            publisher.withdraw(last.get().mssAddress()); // the entry moves to another key
        }
        if (last.isEmpty() || !last.get().mssAddress().equals(listing.mssAddress())
                || !last.get().fingerprint().equals(listing.fingerprint())) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            publisher.publish(listing, now);
            listings.published(accountId, listing, now);
            log.info("Directory entry {} of account {} published", listing.mssAddress(), accountId);
        }
    }

    private Instant validatedAt(UUID accountId) {
        return reviews.ofAccount(accountId).stream().filter(r -> r.status() == ReviewStatus.APPROVED)
                .map(Review::decidedAt).findFirst().orElse(null);
    }
}
