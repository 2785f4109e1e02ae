package fr.esante.medimail.identity.decision.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import fr.esante.medimail.identity.decision.IdentifierClaims;

/**
 * Claims in {@code identifier_claim}, whose primary key (identifier type, identifier) is the rule itself.
 * {@code INSERT … ON CONFLICT DO NOTHING} waits for a concurrent transaction inserting the same identifier, then
 * inserts if it rolled back and does nothing if it committed: of two profiles arriving at the same moment,
 * exactly one gets the identifier, without aborting the other's transaction (READ COMMITTED).
 */
public class JdbcIdentifierClaims implements IdentifierClaims {

    private final JdbcClient jdbc;

    public JdbcIdentifierClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String identifierType, String identifier, UUID accountId, Instant at) {
        int inserted = jdbc.sql("""
                        INSERT INTO identifier_claim (identifier_type, identifier, account_id, claimed_at)
                        VALUES (:type, :identifier, :accountId, :at)
                        ON CONFLICT (identifier_type, identifier) DO NOTHING""")
                .param("type", identifierType)
                .param("identifier", identifier)
                .param("accountId", accountId)
                .param("at", Timestamp.from(at))
                .update();
        if (inserted == 1) {
            return true;
        }
        return jdbc.sql("SELECT account_id FROM identifier_claim WHERE identifier_type = :type AND identifier = :identifier")
                .param("type", identifierType)
                .param("identifier", identifier)
                .query(UUID.class)
                .optional()
                .map(accountId::equals)
                .orElse(false);
    }

    @Override
    public void release(UUID accountId) {
        jdbc.sql("DELETE FROM identifier_claim WHERE account_id = :accountId").param("accountId", accountId).update();
    }
}
