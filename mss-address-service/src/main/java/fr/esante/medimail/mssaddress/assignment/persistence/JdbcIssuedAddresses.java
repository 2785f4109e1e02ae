package fr.esante.medimail.mssaddress.assignment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.mssaddress.assignment.IssuedAddress;
import fr.esante.medimail.mssaddress.assignment.IssuedAddresses;
import fr.esante.medimail.mssaddress.assignment.MailboxType;
import fr.esante.medimail.mssaddress.derivation.MssAddress;

/**
 * The register in table {@code issued_address}, whose primary key (account) and unique constraint (address)
 * are what make an address impossible to give twice, whatever the number of threads or instances.
 *
 * <p>A plain INSERT that hits a unique constraint would abort the whole PostgreSQL transaction, and with it
 * the processed-event record of the consumer. {@code ON CONFLICT DO NOTHING} is the same insert-and-see,
 * without the abort: on a conflict with a transaction still in flight it waits for that transaction, then
 * inserts if it rolled back and does nothing if it committed. Relies on READ COMMITTED (PostgreSQL's
 * default), so that the lookup after a conflict sees the row that caused it.
 */
@Repository
class JdbcIssuedAddresses implements IssuedAddresses {

    private static final String COLUMNS = "account_id, local_part, domain, name_key, homonym_rank, mailbox_type";

    private final JdbcClient jdbc;

    JdbcIssuedAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<IssuedAddress> findByAccount(UUID accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issued_address WHERE account_id = :accountId")
                .param("accountId", accountId)
                .query(JdbcIssuedAddresses::issuedAddress)
                .optional();
    }

    @Override
    public boolean issueIfFree(IssuedAddress issued) {
        return jdbc.sql("""
                        INSERT INTO issued_address (account_id, address, local_part, domain, name_key, homonym_rank, mailbox_type)
                        VALUES (:accountId, :address, :localPart, :domain, :nameKey, :rank, :mailboxType)
                        ON CONFLICT DO NOTHING""")
                .param("accountId", issued.accountId())
                .param("address", issued.address().address())
                .param("localPart", issued.address().localPart())
                .param("domain", issued.address().domain())
                .param("nameKey", issued.nameKey())
                .param("rank", issued.homonymRank())
                .param("mailboxType", issued.mailboxType().name())
                .update() == 1;
    }

    @Override
    public int highestRank(String domain, String nameKey) {
        return jdbc.sql("SELECT COALESCE(MAX(homonym_rank), 0) FROM issued_address WHERE domain = :domain AND name_key = :nameKey")
                .param("domain", domain)
                .param("nameKey", nameKey)
                .query(Integer.class)
                .single();
    }

    @Override
    public void changeMailboxType(UUID accountId, MailboxType mailboxType) {
        int updated = jdbc.sql("UPDATE issued_address SET mailbox_type = :type, updated_at = now() WHERE account_id = :accountId")
                .param("type", mailboxType.name())
                .param("accountId", accountId)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("No issued address for account " + accountId);
        }
    }

    private static IssuedAddress issuedAddress(ResultSet rs, int row) throws SQLException {
        return new IssuedAddress(rs.getObject("account_id", UUID.class),
                new MssAddress(rs.getString("local_part"), rs.getString("domain")),
                rs.getString("name_key"), rs.getInt("homonym_rank"), MailboxType.valueOf(rs.getString("mailbox_type")));
    }
}
