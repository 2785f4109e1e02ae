package fr.esante.medimail.registration.account.persistence;

import java.time.Instant;
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
}
