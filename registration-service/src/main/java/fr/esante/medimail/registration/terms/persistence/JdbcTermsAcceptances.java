package fr.esante.medimail.registration.terms.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.registration.terms.TermsAcceptances;

/** {@link TermsAcceptances} in table {@code terms_acceptance} (never updated nor deleted: it is the record). */
@Repository
class JdbcTermsAcceptances implements TermsAcceptances {

    private final JdbcClient jdbc;

    JdbcTermsAcceptances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(UUID accountId, String version, Instant acceptedAt) {
        jdbc.sql("INSERT INTO terms_acceptance (account_id, version, accepted_at) VALUES (:account, :version, :at)"
                        + " ON CONFLICT DO NOTHING")
                .param("account", accountId).param("version", version).param("at", Timestamp.from(acceptedAt))
                .update();
    }

    @Override
    public boolean hasAccepted(UUID accountId, String version) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM terms_acceptance WHERE account_id = :account AND version = :version)")
                .param("account", accountId).param("version", version)
                .query(Boolean.class).single();
    }
}
