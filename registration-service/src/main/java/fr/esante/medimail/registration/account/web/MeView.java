package fr.esante.medimail.registration.account.web;

import java.time.Instant;
import java.util.UUID;

import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.AccountStatus;
import fr.esante.medimail.registration.account.IdentifierType;
import fr.esante.medimail.registration.account.PostalAddress;
import fr.esante.medimail.registration.account.ProfessionalProfile;
import fr.esante.medimail.registration.account.ProfilePath;

/** Body of GET /api/v1/me: where the holder's registration stands. Absent values are null, never omitted. */
record MeView(UUID registrationId, AccountStatus status, String lastName, String firstName, String email, String region,
              String mssAddress, String mailboxType, String rejectionCode, String rejectionReason, ProfileView profile) {

    static MeView of(Account account) {
        return new MeView(account.id(), account.status(), account.lastName(), account.firstName(), account.email(),
                account.region(),
                account.mssAddress() == null ? null : account.mssAddress().address(),
                account.mssAddress() == null ? null : account.mssAddress().mailboxType(),
                account.rejection() == null ? null : account.rejection().code(),
                account.rejection() == null ? null : account.rejection().message(),
                account.profile() == null ? null : ProfileView.of(account.profile(), account.profileSubmittedAt()));
    }

    record ProfileView(ProfilePath path, IdentifierType identifierType, String identifier, String profession,
                       String specialty, boolean liberal, String phone, String secondPhone, AddressView address,
                       String organisationName, String serviceName, boolean directoryVisible, boolean paperless,
                       Instant submittedAt) {

        static ProfileView of(ProfessionalProfile profile, Instant submittedAt) {
            PostalAddress address = profile.address();
            return new ProfileView(profile.path(), profile.identifierType(), profile.identifier(), profile.profession(),
                    profile.specialty(), profile.liberal(), profile.phone(), profile.secondPhone(),
                    new AddressView(address.line(), address.postalCode(), address.city(), address.region(), address.department()),
                    profile.organisationName(), profile.serviceName(), profile.directoryVisible(), profile.paperless(),
                    submittedAt);
        }
    }

    record AddressView(String line, String postalCode, String city, String region, String department) {
    }
}
