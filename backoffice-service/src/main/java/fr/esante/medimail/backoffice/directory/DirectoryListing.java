package fr.esante.medimail.backoffice.directory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import fr.esante.medimail.backoffice.applicant.ApplicantFile;
import fr.esante.medimail.backoffice.applicant.ApplicantProfile;
import fr.esante.medimail.backoffice.applicant.PostalAddress;

/**
 * What directory publishers are told about one mailbox: its current directory entry. Only a validated, visible,
 * open mailbox has one; {@link #of} says which.
 */
public record DirectoryListing(UUID accountId, String mssAddress, String mailboxType, String lastName, String firstName,
                               String profession, String specialty, String identifierType, String identifier,
                               String structureIdentifier, boolean liberal, String organisationName, String serviceName,
                               String phone, String secondPhone, String addressLine, String postalCode, String city,
                               String region, String department, boolean paperless, Instant validatedAt) {

    public DirectoryListing {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(mssAddress, "mssAddress");
        Objects.requireNonNull(mailboxType, "mailboxType");
        Objects.requireNonNull(validatedAt, "validatedAt");
    }

    /**
     * The entry the directory must show for this file, or none: the account must be validated ({@code validatedAt}),
     * not closed, have its MSSante address, and its holder must not have asked to stay out of the directory.
     */
    public static Optional<DirectoryListing> of(ApplicantFile file, Instant validatedAt, boolean closed) {
        ApplicantProfile profile = file.profile();
        if (validatedAt == null || closed || file.address() == null || profile == null || !profile.directoryVisible()) {
            return Optional.empty();
        }
        PostalAddress address = profile.address();
        // Corrected names are published once a review approves them; until then the entry keeps the validated ones.
        String lastName = file.namesRecheckPending() ? file.validatedNames().lastName() : profile.lastName();
        String firstName = file.namesRecheckPending() ? file.validatedNames().firstName() : profile.firstName();
        return Optional.of(new DirectoryListing(file.accountId(), file.address().address(), file.mailboxType(),
                lastName, firstName, profile.profession(), profile.specialty(), file.identifierType(),
                file.identifier(), file.structureIdentifier(), profile.liberal(), profile.organisationName(),
                profile.serviceName(), profile.phone(), profile.secondPhone(), address.line(), address.postalCode(),
                address.city(), address.region(), address.department(), profile.paperless(), validatedAt));
    }

    /** A canonical text of the entry: two listings with the same text publish the same entry. */
    public String fingerprint() {
        return toString();
    }
}
