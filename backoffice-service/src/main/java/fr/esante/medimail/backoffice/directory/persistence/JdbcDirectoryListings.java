package fr.esante.medimail.backoffice.directory.persistence;

import static fr.esante.medimail.backoffice.persistence.SqlTimestamps.timestamp;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.backoffice.directory.DirectoryListing;
import fr.esante.medimail.backoffice.directory.DirectoryListings;
import fr.esante.medimail.backoffice.directory.PublishedListing;

/** The last published entries in PostgreSQL ({@code directory_listing}). */
@Repository
class JdbcDirectoryListings implements DirectoryListings {

    private final JdbcClient jdbc;

    JdbcDirectoryListings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(UUID accountId) {
        jdbc.sql("SELECT account_id FROM applicant WHERE account_id = :id FOR UPDATE").param("id", accountId)
                .query(UUID.class).optional();
    }

    @Override
    public Optional<PublishedListing> lastPublished(UUID accountId) {
        return jdbc.sql("SELECT mss_address, entry FROM directory_listing WHERE account_id = :id").param("id", accountId)
                .query((rs, n) -> new PublishedListing(rs.getString("mss_address"), rs.getString("entry")))
                .optional();
    }

    @Override
    public void published(UUID accountId, DirectoryListing listing, Instant at) {
        jdbc.sql("""
                        INSERT INTO directory_listing (account_id, mss_address, entry, published_at)
                        VALUES (:id, :address, :entry, :at)
                        ON CONFLICT (account_id) DO UPDATE SET mss_address = EXCLUDED.mss_address, entry = EXCLUDED.entry,
                            published_at = EXCLUDED.published_at""")
                .param("id", accountId).param("address", listing.mssAddress()).param("entry", listing.fingerprint())
                .param("at", timestamp(at))
                .update();
    }

    @Override
    public void withdrawn(UUID accountId) {
        jdbc.sql("DELETE FROM directory_listing WHERE account_id = :id").param("id", accountId).update();
    }
}
