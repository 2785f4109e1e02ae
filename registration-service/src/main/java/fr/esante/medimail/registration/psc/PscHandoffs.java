package fr.esante.medimail.registration.psc;

import java.time.Instant;
import java.util.Optional;

/** One-time codes handed to the page after PSC's callback, kept as hashes with the vouched identity. */
public interface PscHandoffs {

    void add(String codeHash, PscIdentity identity, Instant expiresAt);

    /** The identity behind a live code, the row locked until the end of the transaction. */
    Optional<PscIdentity> lock(String codeHash, Instant now);

    void remove(String codeHash);

    int deleteExpired(Instant now);
}
