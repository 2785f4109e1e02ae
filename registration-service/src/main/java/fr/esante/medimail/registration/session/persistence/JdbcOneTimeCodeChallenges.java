package fr.esante.medimail.registration.session.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.registration.session.OneTimeCodeChallenge;
import fr.esante.medimail.registration.session.OneTimeCodeChallenges;

/** {@link OneTimeCodeChallenges} in table {@code otp_challenge}. */
@Repository
class JdbcOneTimeCodeChallenges implements OneTimeCodeChallenges {

    private final JdbcClient jdbc;

    JdbcOneTimeCodeChallenges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(OneTimeCodeChallenge challenge) {
        jdbc.sql("""
                        INSERT INTO otp_challenge (id, account_id, code_hash, expires_at, tries_left, last_sent_at, used_at, created_at)
                        VALUES (:id, :account, :hash, :expires, :tries, :sent, :used, :created)""")
                .param("id", challenge.id()).param("account", challenge.accountId())
                .param("hash", challenge.codeHash()).param("expires", Timestamp.from(challenge.expiresAt()))
                .param("tries", challenge.triesLeft()).param("sent", Timestamp.from(challenge.lastSentAt()))
                .param("used", timestamp(challenge.usedAt())).param("created", Timestamp.from(challenge.createdAt()))
                .update();
    }

    @Override
    public void update(OneTimeCodeChallenge challenge) {
        jdbc.sql("""
                        UPDATE otp_challenge SET code_hash = :hash, expires_at = :expires, tries_left = :tries,
                               last_sent_at = :sent, used_at = :used WHERE id = :id""")
                .param("id", challenge.id())
                .param("hash", challenge.codeHash()).param("expires", Timestamp.from(challenge.expiresAt()))
                .param("tries", challenge.triesLeft()).param("sent", Timestamp.from(challenge.lastSentAt()))
                .param("used", timestamp(challenge.usedAt()))
                .update();
    }

    @Override
    public Optional<OneTimeCodeChallenge> lock(UUID id) {
        return jdbc.sql("SELECT * FROM otp_challenge WHERE id = :id FOR UPDATE").param("id", id)
                .query(JdbcOneTimeCodeChallenges::challenge).optional();
    }

    @Override
    public int deleteExpired(Instant before) {
        return jdbc.sql("DELETE FROM otp_challenge WHERE expires_at < :before").param("before", Timestamp.from(before)).update();
    }

    private static OneTimeCodeChallenge challenge(ResultSet rs, int row) throws SQLException {
        Timestamp used = rs.getTimestamp("used_at");
        return new OneTimeCodeChallenge(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("code_hash"), rs.getTimestamp("expires_at").toInstant(), rs.getInt("tries_left"),
                rs.getTimestamp("last_sent_at").toInstant(), used == null ? null : used.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
