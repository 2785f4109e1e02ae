package fr.esante.medimail.backoffice.account.persistence;

import static fr.esante.medimail.backoffice.persistence.SqlTimestamps.instant;
import static fr.esante.medimail.backoffice.persistence.SqlTimestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.backoffice.account.AccountClosure;
import fr.esante.medimail.backoffice.account.AccountClosures;

/** Closures in PostgreSQL ({@code account_closure}, one row per closed account). */
@Repository
class JdbcAccountClosures implements AccountClosures {

    private final JdbcClient jdbc;

    JdbcAccountClosures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AccountClosure> find(UUID accountId) {
        return jdbc.sql("SELECT * FROM account_closure WHERE account_id = :id").param("id", accountId)
                .query(JdbcAccountClosures::closure).optional();
    }

    @Override
    public boolean close(AccountClosure closure) {
        return jdbc.sql("""
                        INSERT INTO account_closure (account_id, closed_at, closed_by, reason)
                        VALUES (:id, :at, :by, :reason) ON CONFLICT DO NOTHING""")
                .param("id", closure.accountId()).param("at", timestamp(closure.closedAt()))
                .param("by", closure.closedBy()).param("reason", closure.reason())
                .update() == 1;
    }

    @Override
    public Optional<AccountClosure> reopen(UUID accountId) {
        return jdbc.sql("DELETE FROM account_closure WHERE account_id = :id RETURNING *").param("id", accountId)
                .query(JdbcAccountClosures::closure).optional();
    }

    private static AccountClosure closure(ResultSet rs, int n) throws SQLException {
        return new AccountClosure(rs.getObject("account_id", UUID.class), instant(rs, "closed_at"),
                rs.getString("closed_by"), rs.getString("reason"));
    }
}
