package fr.esante.medimail.backoffice.applicant;

import java.util.Objects;
import java.util.UUID;

/**
 * Everything the back office knows of one applicant. The three facts arrive on different topics, in any
 * order, so each may still be missing ({@code null}). {@code validatedNames} is null unless staff corrected the names
 * of the validated account and the new review has not approved them yet.
 */
public record ApplicantFile(UUID accountId, ApplicantProfile profile, IdentityEvidence identity, AssignedAddress address,
                            ValidatedNames validatedNames) {

    public ApplicantFile {
        Objects.requireNonNull(accountId, "accountId");
    }

    /** A file without a pending names re-check. */
    public ApplicantFile(UUID accountId, ApplicantProfile profile, IdentityEvidence identity, AssignedAddress address) {
        this(accountId, profile, identity, address, null);
    }

    /**
     * Staff corrected the names of this validated account and no review has approved them yet: the profile holds the
     * new names, {@link #validatedNames()} the ones the directory keeps showing meanwhile.
     */
    public boolean namesRecheckPending() {
        return validatedNames != null;
    }

    /**
     * A review can be opened once the profile, the MSSante address and the identity evidence gathered for that
     * very profile submission are all on file, whatever the order they arrived in. Without the evidence, an
     * approval would announce the declared (not normalised) identifier and no structure for an INT mailbox.
     */
    public boolean readyForReview() {
        return address != null && identityCheckedForCurrentProfile();
    }

    /**
     * Whether the identity evidence was produced for the current profile submission, and not for an
     * earlier one (after a rejection and a resubmission, the new check may not be done yet).
     */
    public boolean identityCheckedForCurrentProfile() {
        return identity != null && profile != null && !identity.verifiedAt().isBefore(profile.submittedAt());
    }

    /** The identifier type: the one the identity check normalised where there is one, else the declared one. */
    public String identifierType() {
        if (identity != null && identity.identifierType() != null) {
            return identity.identifierType();
        }
        return profile == null ? null : profile.identifierType();
    }

    /** The identifier: normalised by the identity check where there is one (e.g. RPPS without prefix), else as declared. */
    public String identifier() {
        if (identity != null && identity.identifier() != null) {
            return identity.identifier();
        }
        return profile == null ? null : profile.identifier();
    }

    /** The mailbox type of the assigned address, else the one the identity check chose. */
    public String mailboxType() {
        if (address != null && address.mailboxType() != null) {
            return address.mailboxType();
        }
        return identity == null ? null : identity.mailboxType();
    }

    public String structureIdentifier() {
        return identity == null ? null : identity.structureIdentifier();
    }
}
