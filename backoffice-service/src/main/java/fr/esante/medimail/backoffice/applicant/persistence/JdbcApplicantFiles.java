package fr.esante.medimail.backoffice.applicant.persistence;

import static fr.esante.medimail.backoffice.persistence.SqlTimestamps.instant;
import static fr.esante.medimail.backoffice.persistence.SqlTimestamps.timestamp;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.esante.medimail.backoffice.applicant.ApplicantFile;
import fr.esante.medimail.backoffice.applicant.ValidatedNames;
import fr.esante.medimail.backoffice.applicant.ApplicantFiles;
import fr.esante.medimail.backoffice.applicant.ApplicantProfile;
import fr.esante.medimail.backoffice.applicant.AssignedAddress;
import fr.esante.medimail.backoffice.applicant.ContactDetails;
import fr.esante.medimail.backoffice.applicant.DirectoryActivity;
import fr.esante.medimail.backoffice.applicant.IdentityEvidence;
import fr.esante.medimail.backoffice.applicant.PostalAddress;

/**
 * Applicant files in PostgreSQL, one {@code applicant} row per account. Every write is an
 * {@code INSERT … ON CONFLICT DO UPDATE}: it creates the row or locks it, so two facts about the same
 * applicant arriving at once on different topics are applied one after the other, and the second one sees
 * the first. The {@code WHERE} of each update keeps the newest version of a fact (by event time).
 */
@Repository
public class JdbcApplicantFiles implements ApplicantFiles {

    /** The columns of {@code applicant} that {@link #mapFile} reads. */
    private static final String COLUMNS = """
            a.account_id, a.profile_submitted_at, a.last_name, a.first_name, a.email, a.path, a.identifier_type,
            a.identifier, a.profession, a.specialty, a.liberal, a.phone, a.second_phone, a.address_line, a.postal_code,
            a.city, a.region, a.department, a.organisation_name, a.service_name, a.directory_visible, a.paperless,
            a.identity_verified_at, a.verified_last_name, a.verified_first_name, a.verified_profession,
            a.verified_specialties, a.verified_identifier_type, a.verified_identifier, a.verified_mailbox_type,
            a.structure_identifier, a.verification_source, a.directory_imported_at, a.mss_address_assigned_at, a.mss_address, a.mailbox_type,
            a.validated_last_name, a.validated_first_name""";

    private static final int FIND_ALL_SLICE = 1000;

    private final JdbcClient jdbc;

    public JdbcApplicantFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recordProfile(ApplicantProfile p) {
        PostalAddress address = p.address();
        // The contact details it carries replace those on file unless a later change of contact details came first.
        jdbc.sql("""
                        INSERT INTO applicant (account_id, profile_submitted_at, last_name, first_name, email, path,
                            identifier_type, identifier, profession, specialty, liberal, phone, second_phone, address_line,
                            postal_code, city, region, department, organisation_name, service_name, directory_visible, paperless,
                            contact_updated_at)
                        VALUES (:accountId, :submittedAt, :lastName, :firstName, :email, :path, :identifierType, :identifier,
                            :profession, :specialty, :liberal, :phone, :secondPhone, :line, :postalCode, :city, :region,
                            :department, :organisationName, :serviceName, :directoryVisible, :paperless, :submittedAt)
                        ON CONFLICT (account_id) DO UPDATE SET
                            profile_submitted_at = EXCLUDED.profile_submitted_at, last_name = EXCLUDED.last_name,
                            first_name = EXCLUDED.first_name, email = EXCLUDED.email, path = EXCLUDED.path,
                            identifier_type = EXCLUDED.identifier_type, identifier = EXCLUDED.identifier,
                            profession = EXCLUDED.profession, specialty = EXCLUDED.specialty, liberal = EXCLUDED.liberal,
                            organisation_name = EXCLUDED.organisation_name, service_name = EXCLUDED.service_name,
                            phone = CASE WHEN applicant.contact_updated_at IS NULL OR applicant.contact_updated_at <= EXCLUDED.profile_submitted_at THEN EXCLUDED.phone ELSE applicant.phone END,
                            second_phone = CASE WHEN applicant.contact_updated_at IS NULL OR applicant.contact_updated_at <= EXCLUDED.profile_submitted_at THEN EXCLUDED.second_phone ELSE applicant.second_phone END,
                            address_line = CASE WHEN applicant.contact_updated_at IS NULL OR applicant.contact_updated_at <= EXCLUDED.profile_submitted_at THEN EXCLUDED.address_line ELSE applicant.address_line END,
                            postal_code = CASE WHEN applicant.contact_updated_at IS NULL OR applicant.contact_updated_at <= EXCLUDED.profile_submitted_at THEN EXCLUDED.postal_code ELSE applicant.postal_code END,
                            city = CASE WHEN applicant.contact_updated_at IS NULL OR applicant.contact_updated_at <= EXCLUDED.profile_submitted_at THEN EXCLUDED.city ELSE applicant.city END,
                            region = CASE WHEN applicant.contact_updated_at IS NULL OR applicant.contact_updated_at <= EXCLUDED.profile_submitted_at THEN EXCLUDED.region ELSE applicant.region END,
                            department = CASE WHEN applicant.contact_updated_at IS NULL OR applicant.contact_updated_at <= EXCLUDED.profile_submitted_at THEN EXCLUDED.department ELSE applicant.department END,
                            directory_visible = CASE WHEN applicant.contact_updated_at IS NULL OR applicant.contact_updated_at <= EXCLUDED.profile_submitted_at THEN EXCLUDED.directory_visible ELSE applicant.directory_visible END,
                            paperless = CASE WHEN applicant.contact_updated_at IS NULL OR applicant.contact_updated_at <= EXCLUDED.profile_submitted_at THEN EXCLUDED.paperless ELSE applicant.paperless END,
                            contact_updated_at = GREATEST(applicant.contact_updated_at, EXCLUDED.profile_submitted_at),
                            updated_at = now()
                        WHERE applicant.profile_submitted_at IS NULL
                           OR applicant.profile_submitted_at <= EXCLUDED.profile_submitted_at""")
                .param("accountId", p.accountId())
                .param("submittedAt", timestamp(p.submittedAt()))
                .param("lastName", p.lastName())
                .param("firstName", p.firstName())
                .param("email", p.email())
                .param("path", p.path())
                .param("identifierType", p.identifierType())
                .param("identifier", p.identifier())
                .param("profession", p.profession())
                .param("specialty", p.specialty())
                .param("liberal", p.liberal())
                .param("phone", p.phone())
                .param("secondPhone", p.secondPhone())
                .param("line", address.line())
                .param("postalCode", address.postalCode())
                .param("city", address.city())
                .param("region", address.region())
                .param("department", address.department())
                .param("organisationName", p.organisationName())
                .param("serviceName", p.serviceName())
                .param("directoryVisible", p.directoryVisible())
                .param("paperless", p.paperless())
                .update();
    }

    @Override
    public void recordIdentity(UUID accountId, IdentityEvidence identity) {
        int updated = jdbc.sql("""
                        INSERT INTO applicant (account_id, identity_verified_at, verified_last_name, verified_first_name,
                            verified_profession, verified_specialties, verified_identifier_type, verified_identifier,
                            verified_mailbox_type, structure_identifier, verification_source, directory_imported_at)
                        VALUES (:accountId, :verifiedAt, :lastName, :firstName, :profession, :specialties, :identifierType,
                            :identifier, :mailboxType, :structureIdentifier, :source, :directoryImportedAt)
                        ON CONFLICT (account_id) DO UPDATE SET
                            identity_verified_at = EXCLUDED.identity_verified_at,
                            verified_last_name = EXCLUDED.verified_last_name, verified_first_name = EXCLUDED.verified_first_name,
                            verified_profession = EXCLUDED.verified_profession,
                            verified_specialties = EXCLUDED.verified_specialties,
                            verified_identifier_type = EXCLUDED.verified_identifier_type,
                            verified_identifier = EXCLUDED.verified_identifier,
                            verified_mailbox_type = EXCLUDED.verified_mailbox_type,
                            structure_identifier = EXCLUDED.structure_identifier,
                            verification_source = EXCLUDED.verification_source,
                            directory_imported_at = EXCLUDED.directory_imported_at, updated_at = now()
                        WHERE applicant.identity_verified_at IS NULL
                           OR applicant.identity_verified_at <= EXCLUDED.identity_verified_at""")
                .param("accountId", accountId)
                .param("verifiedAt", timestamp(identity.verifiedAt()))
                .param("lastName", identity.lastName())
                .param("firstName", identity.firstName())
                .param("profession", identity.profession())
                .param("specialties", identity.specialties().toArray(String[]::new))
                .param("identifierType", identity.identifierType())
                .param("identifier", identity.identifier())
                .param("mailboxType", identity.mailboxType())
                .param("structureIdentifier", identity.structureIdentifier())
                .param("source", identity.source())
                .param("directoryImportedAt", timestamp(identity.directoryImportedAt()))
                .update();
        if (updated == 0) {
            return; // a newer check is already on file
        }
        jdbc.sql("DELETE FROM applicant_activity WHERE account_id = :accountId").param("accountId", accountId).update();
        List<DirectoryActivity> activities = identity.activities();
        for (int i = 0; i < activities.size(); i++) {
            DirectoryActivity a = activities.get(i);
            jdbc.sql("""
                            INSERT INTO applicant_activity (account_id, position, structure_name, siret, finess, postal_code,
                                city, practice_mode)
                            VALUES (:accountId, :position, :structureName, :siret, :finess, :postalCode, :city, :practiceMode)""")
                    .param("accountId", accountId)
                    .param("position", i)
                    .param("structureName", a.structureName())
                    .param("siret", a.siret())
                    .param("finess", a.finess())
                    .param("postalCode", a.postalCode())
                    .param("city", a.city())
                    .param("practiceMode", a.practiceMode())
                    .update();
        }
    }

    @Override
    public void recordAddress(UUID accountId, AssignedAddress address) {
        jdbc.sql("""
                        INSERT INTO applicant (account_id, mss_address_assigned_at, mss_address, mailbox_type)
                        VALUES (:accountId, :assignedAt, :address, :mailboxType)
                        ON CONFLICT (account_id) DO UPDATE SET
                            mss_address_assigned_at = EXCLUDED.mss_address_assigned_at,
                            mss_address = EXCLUDED.mss_address, mailbox_type = EXCLUDED.mailbox_type, updated_at = now()
                        WHERE applicant.mss_address_assigned_at IS NULL
                           OR applicant.mss_address_assigned_at <= EXCLUDED.mss_address_assigned_at""")
                .param("accountId", accountId)
                .param("assignedAt", timestamp(address.assignedAt()))
                .param("address", address.address())
                .param("mailboxType", address.mailboxType())
                .update();
    }

    @Override
    public void recordContact(UUID accountId, ContactDetails contact) {
        PostalAddress address = contact.address();
        jdbc.sql("""
                        INSERT INTO applicant (account_id, contact_updated_at, phone, second_phone, address_line, postal_code,
                            city, region, department, directory_visible, paperless)
                        VALUES (:accountId, :changedAt, :phone, :secondPhone, :line, :postalCode, :city, :region, :department,
                            :directoryVisible, :paperless)
                        ON CONFLICT (account_id) DO UPDATE SET
                            contact_updated_at = EXCLUDED.contact_updated_at, phone = EXCLUDED.phone,
                            second_phone = EXCLUDED.second_phone, address_line = EXCLUDED.address_line,
                            postal_code = EXCLUDED.postal_code, city = EXCLUDED.city, region = EXCLUDED.region,
                            department = EXCLUDED.department, directory_visible = EXCLUDED.directory_visible,
                            paperless = EXCLUDED.paperless, updated_at = now()
                        WHERE applicant.contact_updated_at IS NULL
                           OR applicant.contact_updated_at <= EXCLUDED.contact_updated_at""")
                .param("accountId", accountId)
                .param("changedAt", timestamp(contact.changedAt()))
                .param("phone", contact.phone())
                .param("secondPhone", contact.secondPhone())
                .param("line", address.line())
                .param("postalCode", address.postalCode())
                .param("city", address.city())
                .param("region", address.region())
                .param("department", address.department())
                .param("directoryVisible", contact.directoryVisible())
                .param("paperless", contact.paperless())
                .update();
    }

    @Override
    public void recordNamesCorrection(UUID accountId, String lastName, String firstName, Instant correctedAt) {
        // The names validated so far are kept once: a second correction before the review keeps the validated ones.
        jdbc.sql("""
                        UPDATE applicant SET
                            validated_last_name = COALESCE(validated_last_name, last_name),
                            validated_first_name = COALESCE(validated_first_name, first_name),
                            last_name = :lastName, first_name = :firstName,
                            profile_submitted_at = :correctedAt, updated_at = now()
                        WHERE account_id = :accountId AND profile_submitted_at < :correctedAt""")
                .param("accountId", accountId)
                .param("lastName", lastName)
                .param("firstName", firstName)
                .param("correctedAt", timestamp(correctedAt))
                .update();
    }

    @Override
    public void namesValidated(UUID accountId) {
        jdbc.sql("""
                        UPDATE applicant SET validated_last_name = NULL, validated_first_name = NULL, updated_at = now()
                        WHERE account_id = :accountId AND validated_last_name IS NOT NULL""")
                .param("accountId", accountId)
                .update();
    }

    @Override
    public Optional<ApplicantFile> find(UUID accountId) {
        Map<UUID, List<DirectoryActivity>> activities = activitiesOf(List.of(accountId));
        return jdbc.sql("SELECT " + COLUMNS + " FROM applicant a WHERE a.account_id = :accountId")
                .param("accountId", accountId)
                .query((rs, n) -> mapFile(rs, activities))
                .optional();
    }

    @Override
    public Map<UUID, ApplicantFile> findAll(Collection<UUID> accountIds) {
        Map<UUID, ApplicantFile> files = new HashMap<>();
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(accountIds));
        // In slices: one bind parameter per id, and PostgreSQL takes at most 65,535 of them.
        for (int from = 0; from < ids.size(); from += FIND_ALL_SLICE) {
            List<UUID> slice = ids.subList(from, Math.min(ids.size(), from + FIND_ALL_SLICE));
            Map<UUID, List<DirectoryActivity>> activities = activitiesOf(slice);
            jdbc.sql("SELECT " + COLUMNS + " FROM applicant a WHERE a.account_id IN (:ids)")
                    .param("ids", slice)
                    .query((rs, n) -> mapFile(rs, activities))
                    .list()
                    .forEach(file -> files.put(file.accountId(), file));
        }
        return files;
    }

    /** The directory activities of these applicants, in one query. */
    private Map<UUID, List<DirectoryActivity>> activitiesOf(Collection<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        record Row(UUID accountId, DirectoryActivity activity) {
        }
        return jdbc.sql("""
                        SELECT account_id, structure_name, siret, finess, postal_code, city, practice_mode
                        FROM applicant_activity WHERE account_id IN (:ids) ORDER BY account_id, position""")
                .param("ids", accountIds)
                .query((rs, n) -> new Row(rs.getObject("account_id", UUID.class), new DirectoryActivity(
                        rs.getString("structure_name"), rs.getString("siret"), rs.getString("finess"),
                        rs.getString("postal_code"), rs.getString("city"), rs.getString("practice_mode"))))
                .list().stream()
                .collect(Collectors.groupingBy(Row::accountId, Collectors.mapping(Row::activity, Collectors.toList())));
    }

    /** Reads the {@link #COLUMNS} of the current row (aliased {@code a}) into a file. */
    private static ApplicantFile mapFile(ResultSet rs, Map<UUID, List<DirectoryActivity>> activities) throws SQLException {
        UUID accountId = rs.getObject("account_id", UUID.class);
        ApplicantProfile profile = null;
        Instant submittedAt = instant(rs, "profile_submitted_at");
        if (submittedAt != null) {
            profile = new ApplicantProfile(accountId, rs.getString("last_name"), rs.getString("first_name"),
                    rs.getString("email"), rs.getString("path"), rs.getString("identifier_type"),
                    rs.getString("identifier"), rs.getString("profession"), rs.getString("specialty"),
                    rs.getBoolean("liberal"), rs.getString("phone"), rs.getString("second_phone"),
                    new PostalAddress(rs.getString("address_line"), rs.getString("postal_code"), rs.getString("city"),
                            rs.getString("region"), rs.getString("department")),
                    rs.getString("organisation_name"), rs.getString("service_name"), rs.getBoolean("directory_visible"),
                    rs.getBoolean("paperless"), submittedAt);
        }
        IdentityEvidence identity = null;
        Instant verifiedAt = instant(rs, "identity_verified_at");
        if (verifiedAt != null) {
            identity = new IdentityEvidence(rs.getString("verified_last_name"), rs.getString("verified_first_name"),
                    rs.getString("verified_profession"), strings(rs.getArray("verified_specialties")),
                    rs.getString("verified_identifier_type"), rs.getString("verified_identifier"),
                    rs.getString("verified_mailbox_type"), rs.getString("structure_identifier"),
                    rs.getString("verification_source"), activities.getOrDefault(accountId, List.of()), verifiedAt,
                    instant(rs, "directory_imported_at"));
        }
        AssignedAddress address = null;
        Instant assignedAt = instant(rs, "mss_address_assigned_at");
        if (assignedAt != null) {
            address = new AssignedAddress(rs.getString("mss_address"), rs.getString("mailbox_type"), assignedAt);
        }
        String validatedLastName = rs.getString("validated_last_name");
        ValidatedNames validatedNames = validatedLastName == null ? null
                : new ValidatedNames(validatedLastName, rs.getString("validated_first_name"));
        return new ApplicantFile(accountId, profile, identity, address, validatedNames);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((String[]) array.getArray());
    }
}
