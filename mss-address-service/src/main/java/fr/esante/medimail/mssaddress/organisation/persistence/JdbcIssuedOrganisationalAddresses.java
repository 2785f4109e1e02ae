package fr.esante.medimail.mssaddress.organisation.persistence;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.mssaddress.derivation.MssAddress;
import fr.esante.medimail.mssaddress.organisation.IssuedOrganisationalAddresses;

/** Table {@code issued_organisational_address}: insert-and-see under its UNIQUE constraints, as for personal addresses. */
@Repository
class JdbcIssuedOrganisationalAddresses implements IssuedOrganisationalAddresses {

    private final JdbcClient jdbc;

    JdbcIssuedOrganisationalAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<MssAddress> findByRequest(UUID requestId) {
        return jdbc.sql("SELECT local_part, domain FROM issued_organisational_address WHERE request_id = :id")
                .param("id", requestId)
                .query((rs, n) -> new MssAddress(rs.getString(1), rs.getString(2)))
                .optional();
    }

    @Override
    public boolean issueIfFree(UUID requestId, UUID ownerAccountId, MssAddress address, String nameKey, int rank) {
        return jdbc.sql("""
                        INSERT INTO issued_organisational_address
                            (request_id, owner_account_id, address, local_part, domain, name_key, homonym_rank)
                        VALUES (:requestId, :owner, :address, :localPart, :domain, :nameKey, :rank)
                        ON CONFLICT DO NOTHING""")
                .param("requestId", requestId)
                .param("owner", ownerAccountId)
                .param("address", address.address())
                .param("localPart", address.localPart())
                .param("domain", address.domain())
                .param("nameKey", nameKey)
                .param("rank", rank)
                .update() == 1;
    }

    @Override
    public int highestRank(String domain, String nameKey) {
        return jdbc.sql("SELECT COALESCE(MAX(homonym_rank), 0) FROM issued_organisational_address "
                        + "WHERE domain = :domain AND name_key = :nameKey")
                .param("domain", domain)
                .param("nameKey", nameKey)
                .query(Integer.class)
                .single();
    }
}
