package fr.esante.medimail.registration.session;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where access tokens are kept: by their SHA-256 hash only. */
public interface AccessTokens {

    record StoredAccessToken(UUID accountId, Instant expiresAt) {
    }

    void store(String tokenHash, UUID accountId, Instant issuedAt, Instant expiresAt);

    Optional<StoredAccessToken> find(String tokenHash);

    /** Forgets tokens expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
