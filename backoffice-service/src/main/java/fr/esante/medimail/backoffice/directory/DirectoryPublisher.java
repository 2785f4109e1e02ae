package fr.esante.medimail.backoffice.directory;

import java.time.Instant;

/**
 * Tells directory publishers about entries, inside the transaction of the change that produced them: the entry is
 * announced if and only if the change is kept.
 */
public interface DirectoryPublisher {

    /** The new state of the entry under its MSSante address. */
    void publish(DirectoryListing listing, Instant at);

    /** The entry under this address must disappear (a tombstone). */
    void withdraw(String mssAddress);
}
