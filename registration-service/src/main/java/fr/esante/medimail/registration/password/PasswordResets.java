package fr.esante.medimail.registration.password;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Password-reset links (by the SHA-256 of their token) and the account's password itself. */
public interface PasswordResets {

    record StoredReset(String tokenHash, UUID accountId, Instant expiresAt, Instant usedAt) {
    }

    /** Stores a new link; the account's earlier unused links stop working. */
    void issue(String tokenHash, UUID accountId, Instant now, Instant expiresAt);

    Optional<StoredReset> lock(String tokenHash);

    void markUsed(String tokenHash, Instant now);

    /** Replaces the account's password hash (the account row's version moves, like any account change). */
    void changePasswordHash(UUID accountId, String passwordHash, Instant now);
}
