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
    public void store(String tokenHash, UUID accountId, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("INSERT INTO access_token (token_hash, account_id, issued_at, expires_at) VALUES (:hash, :account, :issued, :expires)")
                .param("hash", tokenHash)
                .param("account", accountId)
                .param("issued", Timestamp.from(issuedAt))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    @Override
    public Optional<StoredAccessToken> find(String tokenHash) {
        return jdbc.sql("SELECT account_id, expires_at FROM access_token WHERE token_hash = :hash")
                .param("hash", tokenHash)
                .query((rs, n) -> new StoredAccessToken(rs.getObject("account_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM access_token WHERE expires_at < :now").param("now", Timestamp.from(now)).update();
    }
}
