package fr.esante.medimail.registration.account.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.AccountStatus;
import fr.esante.medimail.registration.account.IdentifierType;
import fr.esante.medimail.registration.account.MssAddress;
import fr.esante.medimail.registration.account.PostalAddress;
import fr.esante.medimail.registration.account.ProfessionalProfile;
import fr.esante.medimail.registration.account.ProfilePath;
import fr.esante.medimail.registration.account.Rejection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The row of table {@code account} (see V1__accounts.sql); mapped to and from the domain {@link Account}. */
@Entity
@Table(name = "account")
class AccountEntity {

    @Id
    private UUID id;
    private String email;
    private String lastName;
    private String firstName;
    private String region;
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    private AccountStatus status;
    private String confirmationTokenHash;
    private Instant confirmationExpiresAt;
    private Instant emailConfirmedAt;
    private String mssAddress;
    private String mailboxType;
    private String rejectionCode;
    private String rejectionReason;
    @Enumerated(EnumType.STRING)
    private ProfilePath profilePath;
    @Enumerated(EnumType.STRING)
    private IdentifierType profileIdentifierType;
    private String profileIdentifier;
    private String profileProfession;
    private String profileSpecialty;
    private Boolean profileLiberal;
    private String profilePhone;
    private String profileSecondPhone;
    private String profileAddressLine;
    private String profilePostalCode;
    private String profileCity;
    private String profileRegion;
    private String profileDepartment;
    private String profileOrganisationName;
    private String profileServiceName;
    private Boolean profileDirectoryVisible;
    private Boolean profilePaperless;
    private Instant profileSubmittedAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected AccountEntity() {
    }

    static AccountEntity from(Account account) {
        AccountEntity entity = new AccountEntity();
        entity.id = account.id();
        entity.email = account.email();
        entity.region = account.region();
        entity.passwordHash = account.passwordHash();
        entity.createdAt = account.createdAt();
        entity.copyChangesFrom(account);
        return entity;
    }

    /** Copies what may change during an account's life (the names only by a staff correction). */
    void copyChangesFrom(Account account) {
        lastName = account.lastName();
        firstName = account.firstName();
        status = account.status();
        confirmationTokenHash = account.confirmationTokenHash();
        confirmationExpiresAt = account.confirmationExpiresAt();
        emailConfirmedAt = account.emailConfirmedAt();
        MssAddress address = account.mssAddress();
        mssAddress = address == null ? null : address.address();
        mailboxType = address == null ? null : address.mailboxType();
        Rejection rejection = account.rejection();
        rejectionCode = rejection == null ? null : rejection.code();
        rejectionReason = rejection == null ? null : rejection.message();
        ProfessionalProfile profile = account.profile();
        profilePath = profile == null ? null : profile.path();
        profileIdentifierType = profile == null ? null : profile.identifierType();
        profileIdentifier = profile == null ? null : profile.identifier();
        profileProfession = profile == null ? null : profile.profession();
        profileSpecialty = profile == null ? null : profile.specialty();
        profileLiberal = profile == null ? null : profile.liberal();
        profilePhone = profile == null ? null : profile.phone();
        profileSecondPhone = profile == null ? null : profile.secondPhone();
        profileAddressLine = profile == null ? null : profile.address().line();
        profilePostalCode = profile == null ? null : profile.address().postalCode();
        profileCity = profile == null ? null : profile.address().city();
        profileRegion = profile == null ? null : profile.address().region();
        profileDepartment = profile == null ? null : profile.address().department();
        profileOrganisationName = profile == null ? null : profile.organisationName();
        profileServiceName = profile == null ? null : profile.serviceName();
        profileDirectoryVisible = profile == null ? null : profile.directoryVisible();
        profilePaperless = profile == null ? null : profile.paperless();
        profileSubmittedAt = account.profileSubmittedAt();
        updatedAt = account.updatedAt();
    }

    Account toDomain() {
        ProfessionalProfile profile = profilePath == null ? null : new ProfessionalProfile(profilePath,
                profileIdentifierType, profileIdentifier, profileProfession, profileSpecialty,
                Boolean.TRUE.equals(profileLiberal), profilePhone, profileSecondPhone,
                new PostalAddress(profileAddressLine, profilePostalCode, profileCity, profileRegion, profileDepartment),
                profileOrganisationName, profileServiceName, !Boolean.FALSE.equals(profileDirectoryVisible),
                !Boolean.FALSE.equals(profilePaperless));
        return new Account(id, email, lastName, firstName, region, passwordHash, status, confirmationTokenHash,
                confirmationExpiresAt, emailConfirmedAt, profile, profileSubmittedAt,
                mssAddress == null ? null : new MssAddress(mssAddress, mailboxType),
                rejectionCode == null ? null : new Rejection(rejectionCode, rejectionReason), createdAt, updatedAt);
    }

    UUID id() {
        return id;
    }

    /** The columns of a new row, for a plain {@code INSERT} ({@link JpaAccounts#add}); the version starts at 0 as Hibernate's does. */
    Map<String, Object> columns() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", id);
        columns.put("email", email);
        columns.put("last_name", lastName);
        columns.put("first_name", firstName);
        columns.put("region", region);
        columns.put("password_hash", passwordHash);
        columns.put("status", status.name());
        columns.put("confirmation_token_hash", confirmationTokenHash);
        columns.put("confirmation_expires_at", timestamp(confirmationExpiresAt));
        columns.put("email_confirmed_at", timestamp(emailConfirmedAt));
        columns.put("mss_address", mssAddress);
        columns.put("mailbox_type", mailboxType);
        columns.put("rejection_code", rejectionCode);
        columns.put("rejection_reason", rejectionReason);
        columns.put("profile_path", profilePath == null ? null : profilePath.name());
        columns.put("profile_identifier_type", profileIdentifierType == null ? null : profileIdentifierType.name());
        columns.put("profile_identifier", profileIdentifier);
        columns.put("profile_profession", profileProfession);
        columns.put("profile_specialty", profileSpecialty);
        columns.put("profile_liberal", profileLiberal);
        columns.put("profile_phone", profilePhone);
        columns.put("profile_second_phone", profileSecondPhone);
        columns.put("profile_address_line", profileAddressLine);
        columns.put("profile_postal_code", profilePostalCode);
        columns.put("profile_city", profileCity);
        columns.put("profile_region", profileRegion);
        columns.put("profile_department", profileDepartment);
        columns.put("profile_organisation_name", profileOrganisationName);
        columns.put("profile_service_name", profileServiceName);
        columns.put("profile_directory_visible", profileDirectoryVisible);
        columns.put("profile_paperless", profilePaperless);
        columns.put("profile_submitted_at", timestamp(profileSubmittedAt));
        columns.put("created_at", timestamp(createdAt));
        columns.put("updated_at", timestamp(updatedAt));
        columns.put("version", version == null ? 0L : version);
        return columns;
    }

    /** The entity of a row read with plain JDBC ({@code SELECT *}), for {@link #toDomain}: one mapping for both ways of reading. */
    static AccountEntity fromRow(ResultSet row) throws SQLException {
        AccountEntity entity = new AccountEntity();
        entity.id = row.getObject("id", UUID.class);
        entity.email = row.getString("email");
        entity.lastName = row.getString("last_name");
        entity.firstName = row.getString("first_name");
        entity.region = row.getString("region");
        entity.passwordHash = row.getString("password_hash");
        entity.status = AccountStatus.valueOf(row.getString("status"));
        entity.confirmationTokenHash = row.getString("confirmation_token_hash");
        entity.confirmationExpiresAt = instant(row, "confirmation_expires_at");
        entity.emailConfirmedAt = instant(row, "email_confirmed_at");
        entity.mssAddress = row.getString("mss_address");
        entity.mailboxType = row.getString("mailbox_type");
        entity.rejectionCode = row.getString("rejection_code");
        entity.rejectionReason = row.getString("rejection_reason");
        String path = row.getString("profile_path");
        entity.profilePath = path == null ? null : ProfilePath.valueOf(path);
        String identifierType = row.getString("profile_identifier_type");
        entity.profileIdentifierType = identifierType == null ? null : IdentifierType.valueOf(identifierType);
        entity.profileIdentifier = row.getString("profile_identifier");
        entity.profileProfession = row.getString("profile_profession");
        entity.profileSpecialty = row.getString("profile_specialty");
        entity.profileLiberal = row.getObject("profile_liberal", Boolean.class);
        entity.profilePhone = row.getString("profile_phone");
        entity.profileSecondPhone = row.getString("profile_second_phone");
        entity.profileAddressLine = row.getString("profile_address_line");
        entity.profilePostalCode = row.getString("profile_postal_code");
        entity.profileCity = row.getString("profile_city");
        entity.profileRegion = row.getString("profile_region");
        entity.profileDepartment = row.getString("profile_department");
        entity.profileOrganisationName = row.getString("profile_organisation_name");
        entity.profileServiceName = row.getString("profile_service_name");
        entity.profileDirectoryVisible = row.getObject("profile_directory_visible", Boolean.class);
        entity.profilePaperless = row.getObject("profile_paperless", Boolean.class);
        entity.profileSubmittedAt = instant(row, "profile_submitted_at");
        entity.createdAt = instant(row, "created_at");
        entity.updatedAt = instant(row, "updated_at");
        entity.version = row.getLong("version");
        return entity;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
