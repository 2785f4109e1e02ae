package fr.esante.medimail.registration.password.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.registration.password.PasswordResets;

/** {@link PasswordResets} in table {@code password_reset}, and the password hash in {@code account}. */
@Repository
class JdbcPasswordResets implements PasswordResets {

    private final JdbcClient jdbc;

    JdbcPasswordResets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void issue(String tokenHash, UUID accountId, Instant now, Instant expiresAt) {
        jdbc.sql("DELETE FROM password_reset WHERE account_id = :account AND used_at IS NULL").param("account", accountId).update();
        jdbc.sql("""
                        INSERT INTO password_reset (token_hash, account_id, expires_at, used_at, created_at)
                        VALUES (:hash, :account, :expires, NULL, :now)""")
                .param("hash", tokenHash).param("account", accountId)
                .param("expires", Timestamp.from(expiresAt)).param("now", Timestamp.from(now))
                .update();
    }

    @Override
    public Optional<StoredReset> lock(String tokenHash) {
        return jdbc.sql("SELECT token_hash, account_id, expires_at, used_at FROM password_reset WHERE token_hash = :hash FOR UPDATE")
                .param("hash", tokenHash)
                .query((rs, n) -> new StoredReset(rs.getString(1), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
    }

    @Override
    public void markUsed(String tokenHash, Instant now) {
        jdbc.sql("UPDATE password_reset SET used_at = :now WHERE token_hash = :hash")
                .param("now", Timestamp.from(now)).param("hash", tokenHash).update();
    }

    @Override
    public void changePasswordHash(UUID accountId, String passwordHash, Instant now) {
        jdbc.sql("UPDATE account SET password_hash = :hash, updated_at = :now, version = version + 1 WHERE id = :id")
                .param("hash", passwordHash).param("now", Timestamp.from(now)).param("id", accountId)
                .update();
    }
}
