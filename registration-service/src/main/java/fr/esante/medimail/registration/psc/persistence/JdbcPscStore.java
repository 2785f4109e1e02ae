package fr.esante.medimail.registration.psc.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.registration.psc.PscHandoffs;
import fr.esante.medimail.registration.psc.PscIdentity;
import fr.esante.medimail.registration.psc.PscLinks;

/** Tables {@code psc_link} and {@code psc_handoff}. Lists are stored comma-separated ("-" for a missing specialty). */
@Repository
class JdbcPscStore implements PscLinks, PscHandoffs {

    private final JdbcClient jdbc;

    JdbcPscStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UUID> accountOf(String rpps) {
        return jdbc.sql("SELECT account_id FROM psc_link WHERE rpps = :rpps").param("rpps", rpps).query(UUID.class).optional();
    }

    @Override
    public Optional<PscIdentity> identityOf(UUID accountId) {
        return jdbc.sql("SELECT rpps, last_name, first_name, professions, specialties FROM psc_link WHERE account_id = :id")
                .param("id", accountId)
                .query((rs, n) -> new PscIdentity(rs.getString("rpps"), rs.getString("last_name"), rs.getString("first_name"),
                        split(rs.getString("professions")), specialties(rs.getString("specialties")), null))
                .optional();
    }

    @Override
    public void link(UUID accountId, PscIdentity identity, Instant now) {
        jdbc.sql("""
                        INSERT INTO psc_link (account_id, rpps, last_name, first_name, professions, specialties, linked_at)
                        VALUES (:id, :rpps, :last, :first, :professions, :specialties, :now)""")
                .param("id", accountId).param("rpps", identity.rpps()).param("last", identity.lastName())
                .param("first", identity.firstName()).param("professions", String.join(",", identity.professions()))
                .param("specialties", join(identity.specialties())).param("now", Timestamp.from(now)).update();
    }

    @Override
    public Optional<UUID> liveAccountDeclaring(String rpps) {
        return jdbc.sql("""
                        SELECT id FROM account WHERE profile_identifier_type = 'RPPS' AND profile_identifier = :rpps
                          AND status NOT IN ('IDENTITY_REJECTED', 'REJECTED') ORDER BY created_at LIMIT 1""")
                .param("rpps", rpps).query(UUID.class).optional();
    }

    @Override
    public void add(String codeHash, PscIdentity identity, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO psc_handoff (code_hash, rpps, last_name, first_name, professions, specialties, email, expires_at)
                        VALUES (:hash, :rpps, :last, :first, :professions, :specialties, :email, :expires)""")
                .param("hash", codeHash).param("rpps", identity.rpps()).param("last", identity.lastName())
                .param("first", identity.firstName()).param("professions", String.join(",", identity.professions()))
                .param("specialties", join(identity.specialties())).param("email", identity.email())
                .param("expires", Timestamp.from(expiresAt)).update();
    }

    @Override
    public Optional<PscIdentity> lock(String codeHash, Instant now) {
        return jdbc.sql("""
                        SELECT rpps, last_name, first_name, professions, specialties, email FROM psc_handoff
                        WHERE code_hash = :hash AND expires_at > :now FOR UPDATE""")
                .param("hash", codeHash).param("now", Timestamp.from(now))
                .query((rs, n) -> new PscIdentity(rs.getString("rpps"), rs.getString("last_name"), rs.getString("first_name"),
                        split(rs.getString("professions")), specialties(rs.getString("specialties")), rs.getString("email")))
                .optional();
    }

    @Override
    public void remove(String codeHash) {
        jdbc.sql("DELETE FROM psc_handoff WHERE code_hash = :hash").param("hash", codeHash).update();
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM psc_handoff WHERE expires_at <= :now").param("now", Timestamp.from(now)).update();
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static List<String> specialties(String joined) {
        return split(joined).stream().map(s -> "-".equals(s) ? null : s).toList();
    }

    private static String join(List<String> values) {
        return String.join(",", values.stream().map(v -> v == null ? "-" : v).toList());
    }
}
