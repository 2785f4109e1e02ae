package fr.esante.medimail.registration.organisation.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.registration.organisation.OrganisationalMailbox;
import fr.esante.medimail.registration.organisation.OrganisationalMailboxStore;

/** Tables {@code organisational_mailbox} and {@code organisational_mailbox_member}. */
@Repository
class JdbcOrganisationalMailboxStore implements OrganisationalMailboxStore {

    private static final String SELECT = """
            SELECT m.request_id, m.owner_account_id, m.label, m.structure_identifier_type, m.structure_identifier, m.purpose,
                   m.status, m.address, m.rejection_reason, m.requested_at,
                   ARRAY(SELECT email FROM organisational_mailbox_member x WHERE x.request_id = m.request_id
                         ORDER BY x.added_at, x.email) AS members
            FROM organisational_mailbox m""";

    private final JdbcClient jdbc;

    JdbcOrganisationalMailboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(OrganisationalMailbox r) {
        jdbc.sql("""
                        INSERT INTO organisational_mailbox (request_id, owner_account_id, label, structure_identifier_type,
                            structure_identifier, purpose, status, requested_at, updated_at)
                        VALUES (:id, :owner, :label, :type, :identifier, :purpose, :status, :at, :at)""")
                .param("id", r.requestId()).param("owner", r.ownerAccountId()).param("label", r.label())
                .param("type", r.structureIdentifierType()).param("identifier", r.structureIdentifier())
                .param("purpose", r.purpose()).param("status", r.status().name())
                .param("at", Timestamp.from(r.requestedAt()))
                .update();
    }

    @Override
    public List<OrganisationalMailbox> ownedOrSharedWith(UUID accountId) {
        return jdbc.sql(SELECT + """
                         WHERE m.owner_account_id = :account
                            OR m.request_id IN (SELECT request_id FROM organisational_mailbox_member WHERE account_id = :account)
                        ORDER BY m.requested_at, m.request_id""")
                .param("account", accountId)
                .query(JdbcOrganisationalMailboxStore::row)
                .list();
    }

    @Override
    public Optional<OrganisationalMailbox> lock(UUID requestId) {
        return jdbc.sql(SELECT + " WHERE m.request_id = :id FOR UPDATE OF m")
                .param("id", requestId)
                .query(JdbcOrganisationalMailboxStore::row)
                .optional();
    }

    @Override
    public void proposeAddress(UUID requestId, String address) {
        jdbc.sql("UPDATE organisational_mailbox SET address = :address, updated_at = now() WHERE request_id = :id")
                .param("address", address).param("id", requestId).update();
    }

    @Override
    public void validate(UUID requestId, String address) {
        jdbc.sql("""
                        UPDATE organisational_mailbox SET status = 'VALIDATED', address = COALESCE(:address, address),
                            rejection_reason = NULL, updated_at = now() WHERE request_id = :id""")
                .param("address", address).param("id", requestId).update();
    }

    @Override
    public void reject(UUID requestId, String reason) {
        jdbc.sql("""
                        UPDATE organisational_mailbox SET status = 'REJECTED', rejection_reason = :reason, updated_at = now()
                        WHERE request_id = :id""")
                .param("reason", reason).param("id", requestId).update();
    }

    @Override
    public boolean addMember(UUID requestId, UUID memberAccountId, String memberEmail) {
        return jdbc.sql("""
                        INSERT INTO organisational_mailbox_member (request_id, account_id, email)
                        VALUES (:id, :account, :email) ON CONFLICT DO NOTHING""")
                .param("id", requestId).param("account", memberAccountId).param("email", memberEmail)
                .update() == 1;
    }

    @Override
    public boolean isMember(UUID requestId, UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM organisational_mailbox_member WHERE request_id = :id AND account_id = :account")
                .param("id", requestId).param("account", accountId).query(Integer.class).single() > 0;
    }

    @Override
    public Optional<UUID> memberByEmail(UUID requestId, String memberEmail) {
        return jdbc.sql("SELECT account_id FROM organisational_mailbox_member WHERE request_id = :id AND email = :email")
                .param("id", requestId).param("email", memberEmail).query(UUID.class).optional();
    }

    @Override
    public boolean removeMember(UUID requestId, UUID memberAccountId) {
        return jdbc.sql("DELETE FROM organisational_mailbox_member WHERE request_id = :id AND account_id = :account")
                .param("id", requestId).param("account", memberAccountId).update() == 1;
    }

    @Override
    public void close(UUID requestId) {
        jdbc.sql("UPDATE organisational_mailbox SET status = 'CLOSED', updated_at = now() WHERE request_id = :id")
                .param("id", requestId).update();
    }

    private static OrganisationalMailbox row(ResultSet rs, int n) throws SQLException {
        String[] members = (String[]) rs.getArray("members").getArray();
        return new OrganisationalMailbox(rs.getObject("request_id", UUID.class), rs.getObject("owner_account_id", UUID.class),
                rs.getString("label"), rs.getString("structure_identifier_type"), rs.getString("structure_identifier"),
                rs.getString("purpose"), OrganisationalMailbox.Status.valueOf(rs.getString("status")),
                rs.getString("address"), rs.getString("rejection_reason"), List.of(members),
                rs.getTimestamp("requested_at").toInstant());
    }
}
