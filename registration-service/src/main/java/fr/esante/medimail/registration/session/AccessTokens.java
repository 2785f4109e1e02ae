package fr.esante.medimail.registration.session;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where access tokens are kept: by their SHA-256 hash only. */
public interface AccessTokens {

    /**
     * @param verifiedByOneTimeCode true for a validated account's session opened with password and e-mailed code;
     *                              false for a session opened with the password alone (before validation)
     */
    record StoredAccessToken(UUID accountId, Instant expiresAt, boolean verifiedByOneTimeCode) {
    }

    void store(String tokenHash, UUID accountId, Instant issuedAt, Instant expiresAt, boolean verifiedByOneTimeCode);

    Optional<StoredAccessToken> find(String tokenHash);

    /** Forgets tokens expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);

    /** The token stops working at once. */
    void revoke(String tokenHash);

    /** Every session of the account stops working, except the one of {@code keptTokenHash} (null: none kept). */
    int revokeAllOf(UUID accountId, String keptTokenHash);
}
