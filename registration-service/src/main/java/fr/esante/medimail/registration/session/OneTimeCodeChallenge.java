package fr.esante.medimail.registration.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The second step of a validated account's sign-in: a 6-digit code e-mailed to its holder. Only a keyed hash of the
 * code is kept (computed by the caller from the challenge id and the code, so the same code in two challenges has two
 * hashes). The challenge is dead once used, expired or out of tries.
 */
public final class OneTimeCodeChallenge {

    public static final int DIGITS = 6;

    private final UUID id;
    private final UUID accountId;
    private final Instant createdAt;
    private String codeHash;
    private Instant expiresAt;
    private int triesLeft;
    private Instant lastSentAt;
    private Instant usedAt;

    public OneTimeCodeChallenge(UUID id, UUID accountId, String codeHash, Instant expiresAt, int triesLeft,
                                Instant lastSentAt, Instant usedAt, Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.accountId = Objects.requireNonNull(accountId);
        this.codeHash = Objects.requireNonNull(codeHash);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.triesLeft = triesLeft;
        this.lastSentAt = Objects.requireNonNull(lastSentAt);
        this.usedAt = usedAt;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** A new challenge whose code (drawn from a CSPRNG, handed to the holder only) hashes to {@code codeHash}. */
    public static OneTimeCodeChallenge issue(UUID id, UUID accountId, String codeHash, Instant now, Instant expiresAt, int tries) {
        return new OneTimeCodeChallenge(id, accountId, codeHash, expiresAt, tries, now, null, now);
    }

    public boolean isAlive(Instant now) {
        return usedAt == null && triesLeft > 0 && now.isBefore(expiresAt);
    }

    /**
     * Compares the hash of the code tried (null for a code that cannot be right) in constant time; a wrong code costs
     * a try. Call only on a live challenge.
     */
    public boolean tryCode(String triedCodeHash, Instant now) {
        boolean right = triedCodeHash != null && MessageDigest.isEqual(triedCodeHash.getBytes(StandardCharsets.US_ASCII),
                codeHash.getBytes(StandardCharsets.US_ASCII));
        if (right) {
            usedAt = now;
        } else {
            triesLeft--;
        }
        return right;
    }

    /** A new code replaces the previous one (which stops working) and is valid for a full period again. */
    public void resend(String newCodeHash, Instant now, Instant newExpiresAt) {
        codeHash = Objects.requireNonNull(newCodeHash);
        lastSentAt = now;
        expiresAt = newExpiresAt;
    }

    public UUID id() {
        return id;
    }

    public UUID accountId() {
        return accountId;
    }

    public String codeHash() {
        return codeHash;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int triesLeft() {
        return triesLeft;
    }

    public Instant lastSentAt() {
        return lastSentAt;
    }

    public Instant usedAt() {
        return usedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "OneTimeCodeChallenge[" + id + "]";
    }
}
