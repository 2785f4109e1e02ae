package fr.esante.medimail.registration.session.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.registration.session.AccessTokens;

/** {@link AccessTokens} in table {@code access_token}. */
@Repository
class JdbcAccessTokens implements AccessTokens {

    private final JdbcClient jdbc;

    JdbcAccessTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(String tokenHash, UUID accountId, Instant issuedAt, Instant expiresAt, boolean verifiedByOneTimeCode) {
        jdbc.sql("""
                        INSERT INTO access_token (token_hash, account_id, issued_at, expires_at, verified_by_one_time_code)
                        VALUES (:hash, :account, :issued, :expires, :verified)""")
                .param("hash", tokenHash)
                .param("account", accountId)
                .param("issued", Timestamp.from(issuedAt))
                .param("expires", Timestamp.from(expiresAt))
                .param("verified", verifiedByOneTimeCode)
                .update();
    }

    @Override
    public Optional<StoredAccessToken> find(String tokenHash) {
        return jdbc.sql("SELECT account_id, expires_at, verified_by_one_time_code FROM access_token WHERE token_hash = :hash")
                .param("hash", tokenHash)
                .query((rs, n) -> new StoredAccessToken(rs.getObject("account_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("verified_by_one_time_code")))
                .optional();
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM access_token WHERE expires_at < :now").param("now", Timestamp.from(now)).update();
    }

    @Override
    public void revoke(String tokenHash) {
        jdbc.sql("DELETE FROM access_token WHERE token_hash = :hash").param("hash", tokenHash).update();
    }

    @Override
    public int revokeAllOf(UUID accountId, String keptTokenHash) {
        return jdbc.sql("DELETE FROM access_token WHERE account_id = :account AND token_hash <> :kept")
                .param("account", accountId).param("kept", keptTokenHash == null ? "" : keptTokenHash)
                .update();
    }
}
