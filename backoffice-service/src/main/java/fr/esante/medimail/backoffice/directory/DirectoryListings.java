package fr.esante.medimail.backoffice.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What was last published to the directory feed, per account. */
public interface DirectoryListings {

    /** Locks the account's file until the end of the transaction, so that its entry is worked out by one change at a time. */
    void lock(UUID accountId);

    Optional<PublishedListing> lastPublished(UUID accountId);

    void published(UUID accountId, DirectoryListing listing, Instant at);

    void withdrawn(UUID accountId);

    /**
     * Accounts that may have an entry (validated once, or with an entry published), in account id order, after
     * {@code after} (null: from the first): the backfill walks them in batches of {@code limit}.
     */
    List<UUID> listable(UUID after, int limit);
}
