package fr.esante.medimail.backoffice.directory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.esante.medimail.backoffice.audit.StaffAudit;

/**
 * Republishes the current entry of every account to the directory feed (through the outbox, like every entry), for an
 * operator: a publisher that lost its copy, or a topic recreated empty, gets the whole directory again. Walks the
 * accounts in batches, one transaction each, so that a large directory never holds one long transaction; a change
 * made meanwhile is published by its own transaction as usual and the feed stays right (each account is locked while
 * its entry is worked out).
 */
@Service
public class DirectoryBackfill {

    private static final Logger log = LoggerFactory.getLogger(DirectoryBackfill.class);
    static final int BATCH = 200;

    /** How many entries were published again, and how many withdrawn (tombstones) because they must no longer show. */
    public record Republication(long published, long withdrawn) {
    }

    private final DirectoryFeed feed;
    private final DirectoryListings listings;
    private final TransactionTemplate transactions;
    private final StaffAudit audit;

    public DirectoryBackfill(DirectoryFeed feed, DirectoryListings listings, TransactionTemplate transactions, StaffAudit audit) {
        this.feed = feed;
        this.listings = listings;
        this.transactions = transactions;
        this.audit = audit;
    }

    public Republication republishAll(String staff) {
        long published = 0;
        long withdrawn = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            Map<UUID, DirectoryFeed.Republished> batch = transactions.execute(status -> {
                Map<UUID, DirectoryFeed.Republished> done = new LinkedHashMap<>();
                listings.listable(from, BATCH).forEach(id -> done.put(id, feed.republish(id)));
                return done;
            });
            if (batch == null || batch.isEmpty()) {
                break;
            }
            published += batch.values().stream().filter(r -> r == DirectoryFeed.Republished.PUBLISHED).count();
            withdrawn += batch.values().stream().filter(r -> r == DirectoryFeed.Republished.WITHDRAWN).count();
            after = batch.keySet().stream().reduce((first, second) -> second).orElseThrow();
        }
        Republication done = new Republication(published, withdrawn);
        audit.recordReading(staff, "DIRECTORY_REPUBLISHED", "DIRECTORY", "directory-entries",
                Map.of("published", published, "withdrawn", withdrawn));
        log.info("Directory feed republished by {}: {} entries, {} tombstones", staff, published, withdrawn);
        return done;
    }
}
