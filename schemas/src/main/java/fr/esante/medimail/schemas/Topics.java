package fr.esante.medimail.schemas;

import java.util.List;
import java.util.Optional;

import fr.esante.medimail.events.AccountClosed;
import fr.esante.medimail.events.AccountRejected;
import fr.esante.medimail.events.AccountReopened;
import fr.esante.medimail.events.AccountRequested;
import fr.esante.medimail.events.AccountStatusChanged;
import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.events.ContactCorrectionRequested;
import fr.esante.medimail.events.ContactDetailsChanged;
import fr.esante.medimail.events.DirectoryEntry;
import fr.esante.medimail.events.EmailConfirmed;
import fr.esante.medimail.events.IdentityRejected;
import fr.esante.medimail.events.IdentityReviewConcluded;
import fr.esante.medimail.events.IdentityReviewRequested;
import fr.esante.medimail.events.IdentityVerified;
import fr.esante.medimail.events.MssAddressAssigned;
import fr.esante.medimail.events.MssAddressRefused;
import fr.esante.medimail.events.NameCorrectionRequested;
import fr.esante.medimail.events.NamesCorrected;
import fr.esante.medimail.events.OneTimeCodeRequested;
import fr.esante.medimail.events.OrganisationalAddressAssigned;
import fr.esante.medimail.events.OrganisationalMailboxClosed;
import fr.esante.medimail.events.OrganisationalMailboxDecided;
import fr.esante.medimail.events.OrganisationalMailboxMemberAdded;
import fr.esante.medimail.events.OrganisationalMailboxMemberRemoved;
import fr.esante.medimail.events.OrganisationalMailboxRequested;
import fr.esante.medimail.events.OrganisationalStructureChecked;
import fr.esante.medimail.events.PasswordChanged;
import fr.esante.medimail.events.PasswordResetRequested;
import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.events.RegistrationAttemptedForExistingAccount;
import fr.esante.medimail.events.SignInLocked;
import fr.esante.medimail.events.StaffCorrectionRefused;

/**
 * Every topic of the platform, with the one event type it carries. Nothing else in the code spells a topic
 * name (service configuration refers to these names in its bindings, and a test checks that it does).
 * The owner of each topic is its only writer.
 */
public final class Topics {

    /** Written by registration-service. */
    public static final Topic<AccountRequested> ACCOUNT_REQUESTED =
            new Topic<>("medimail.account-requested.v1", AccountRequested.class);
    /** Written by registration-service. */
    public static final Topic<RegistrationAttemptedForExistingAccount> REGISTRATION_ATTEMPTED_FOR_EXISTING_ACCOUNT =
            new Topic<>("medimail.registration-attempted-for-existing-account.v1", RegistrationAttemptedForExistingAccount.class);
    /** Written by registration-service. */
    public static final Topic<EmailConfirmed> EMAIL_CONFIRMED =
            new Topic<>("medimail.email-confirmed.v1", EmailConfirmed.class);
    /** Written by registration-service. */
    public static final Topic<ProfessionalProfileSubmitted> PROFESSIONAL_PROFILE_SUBMITTED =
            new Topic<>("medimail.professional-profile-submitted.v1", ProfessionalProfileSubmitted.class);
    /** Written by identity-verification-service. */
    public static final Topic<IdentityVerified> IDENTITY_VERIFIED =
            new Topic<>("medimail.identity-verified.v1", IdentityVerified.class);
    /** Written by identity-verification-service. */
    public static final Topic<IdentityRejected> IDENTITY_REJECTED =
            new Topic<>("medimail.identity-rejected.v1", IdentityRejected.class);
    /** Written by identity-verification-service: a person must settle the identity check; read by backoffice-service. */
    public static final Topic<IdentityReviewRequested> IDENTITY_REVIEW_REQUESTED =
            new Topic<>("medimail.identity-review-requested.v1", IdentityReviewRequested.class);
    /** Written by backoffice-service: a staff member settled an identity review; read by identity-verification-service. */
    public static final Topic<IdentityReviewConcluded> IDENTITY_REVIEW_CONCLUDED =
            new Topic<>("medimail.identity-review-concluded.v1", IdentityReviewConcluded.class);
    /** Written by mss-address-service. */
    public static final Topic<MssAddressAssigned> MSS_ADDRESS_ASSIGNED =
            new Topic<>("medimail.mss-address-assigned.v1", MssAddressAssigned.class);
    /** Written by mss-address-service. */
    public static final Topic<MssAddressRefused> MSS_ADDRESS_REFUSED =
            new Topic<>("medimail.mss-address-refused.v1", MssAddressRefused.class);
    /** Written by backoffice-service; read by directory publishers outside the platform (public contract). */
    public static final Topic<AccountValidated> ACCOUNT_VALIDATED =
            new Topic<>("medimail.account-validated.v1", AccountValidated.class);
    /** Written by backoffice-service. */
    public static final Topic<AccountRejected> ACCOUNT_REJECTED =
            new Topic<>("medimail.account-rejected.v1", AccountRejected.class);

    /**
     * Written by registration-service: a validated account's contact details, visibility or paperless choice changed;
     * read by directory publishers outside the platform (public contract, {@code PATCH /api/v1/me/contact}).
     */
    public static final Topic<ContactDetailsChanged> CONTACT_DETAILS_CHANGED =
            new Topic<>("medimail.contact-details-changed.v1", ContactDetailsChanged.class);

    /** Written by registration-service: a one-time sign-in code to e-mail (sealed); read by notification-service. */
    public static final Topic<OneTimeCodeRequested> ONE_TIME_CODE_REQUESTED =
            new Topic<>("medimail.one-time-code-requested.v1", OneTimeCodeRequested.class);
    /** Written by registration-service: an account's sign-in is locked after repeated failures; read by notification-service. */
    public static final Topic<SignInLocked> SIGN_IN_LOCKED =
            new Topic<>("medimail.sign-in-locked.v1", SignInLocked.class);
    /** Written by registration-service: an account's password changed; read by notification-service. */
    public static final Topic<PasswordChanged> PASSWORD_CHANGED =
            new Topic<>("medimail.password-changed.v1", PasswordChanged.class);
    /** Written by registration-service: a password-reset link to e-mail (sealed); read by notification-service. */
    public static final Topic<PasswordResetRequested> PASSWORD_RESET_REQUESTED =
            new Topic<>("medimail.password-reset-requested.v1", PasswordResetRequested.class);
    /**
     * Written by registration-service: what the holder now sees after another service's decision, with the French
     * reason; read by notification-service, which tells the holder by e-mail.
     */
    public static final Topic<AccountStatusChanged> ACCOUNT_STATUS_CHANGED =
            new Topic<>("medimail.account-status-changed.v1", AccountStatusChanged.class);
    /**
     * Written by backoffice-service; read by directory publishers outside the platform (public contract).
     * Compacted, and unlike the other topics keyed by the MSSante address (a plain UTF-8 string, not an account id):
     * the current entry of every validated, visible mailbox; a tombstone (no value) when an entry must disappear.
     */
    public static final Topic<DirectoryEntry> DIRECTORY_ENTRIES =
            new Topic<>("medimail.directory-entries.v1", DirectoryEntry.class);

    /** Written by backoffice-service: staff closed a validated account; read by registration-service. */
    public static final Topic<AccountClosed> ACCOUNT_CLOSED =
            new Topic<>("medimail.account-closed.v1", AccountClosed.class);
    /** Written by backoffice-service: staff reopened a closed account; read by registration-service. */
    public static final Topic<AccountReopened> ACCOUNT_REOPENED =
            new Topic<>("medimail.account-reopened.v1", AccountReopened.class);

    /** Written by backoffice-service: staff corrected a validated account's contact details; read by registration-service. */
    public static final Topic<ContactCorrectionRequested> CONTACT_CORRECTION_REQUESTED =
            new Topic<>("medimail.contact-correction-requested.v1", ContactCorrectionRequested.class);
    /** Written by backoffice-service: staff corrected a validated account's names; read by registration-service. */
    public static final Topic<NameCorrectionRequested> NAME_CORRECTION_REQUESTED =
            new Topic<>("medimail.name-correction-requested.v1", NameCorrectionRequested.class);
    /**
     * Written by registration-service: staff-corrected names applied; read by identity-verification-service (checks
     * the identity again), backoffice-service (back to the review queue) and notification-service (tells the holder).
     */
    public static final Topic<NamesCorrected> NAMES_CORRECTED =
            new Topic<>("medimail.names-corrected.v1", NamesCorrected.class);

    /**
     * Written by registration-service: it refused a staff correction of names or contact details (its rules on them,
     * or the account no longer validated); read by backoffice-service (account history).
     */
    public static final Topic<StaffCorrectionRefused> STAFF_CORRECTION_REFUSED =
            new Topic<>("medimail.staff-correction-refused.v1", StaffCorrectionRefused.class);

    /** Written by registration-service: a validated account asked for an ORG mailbox; read by identity-verification-service. */
    public static final Topic<OrganisationalMailboxRequested> ORGANISATIONAL_MAILBOX_REQUESTED =
            new Topic<>("medimail.organisational-mailbox-requested.v1", OrganisationalMailboxRequested.class);
    /** Written by identity-verification-service: the structure of an ORG request checked; read by mss-address-service, registration-service, notification-service. */
    public static final Topic<OrganisationalStructureChecked> ORGANISATIONAL_STRUCTURE_CHECKED =
            new Topic<>("medimail.organisational-structure-checked.v1", OrganisationalStructureChecked.class);
    /** Written by mss-address-service: an ORG request's address reserved; read by backoffice-service and registration-service. */
    public static final Topic<OrganisationalAddressAssigned> ORGANISATIONAL_ADDRESS_ASSIGNED =
            new Topic<>("medimail.organisational-address-assigned.v1", OrganisationalAddressAssigned.class);
    /** Written by backoffice-service: staff approved or rejected an ORG request; read by registration-service, notification-service. */
    public static final Topic<OrganisationalMailboxDecided> ORGANISATIONAL_MAILBOX_DECIDED =
            new Topic<>("medimail.organisational-mailbox-decided.v1", OrganisationalMailboxDecided.class);
    /** Written by registration-service: an ORG mailbox's owner added a member; read by notification-service. */
    public static final Topic<OrganisationalMailboxMemberAdded> ORGANISATIONAL_MAILBOX_MEMBER_ADDED =
            new Topic<>("medimail.organisational-mailbox-member-added.v1", OrganisationalMailboxMemberAdded.class);
    /** Written by registration-service: an ORG mailbox's owner removed a member; read by notification-service. */
    public static final Topic<OrganisationalMailboxMemberRemoved> ORGANISATIONAL_MAILBOX_MEMBER_REMOVED =
            new Topic<>("medimail.organisational-mailbox-member-removed.v1", OrganisationalMailboxMemberRemoved.class);
    /** Written by backoffice-service: staff closed an approved ORG mailbox; read by registration-service, notification-service. */
    public static final Topic<OrganisationalMailboxClosed> ORGANISATIONAL_MAILBOX_CLOSED =
            new Topic<>("medimail.organisational-mailbox-closed.v1", OrganisationalMailboxClosed.class);

    public static final List<Topic<?>> ALL = List.of(ACCOUNT_REQUESTED, REGISTRATION_ATTEMPTED_FOR_EXISTING_ACCOUNT,
            EMAIL_CONFIRMED, PROFESSIONAL_PROFILE_SUBMITTED, IDENTITY_VERIFIED, IDENTITY_REJECTED, IDENTITY_REVIEW_REQUESTED,
            IDENTITY_REVIEW_CONCLUDED, MSS_ADDRESS_ASSIGNED, MSS_ADDRESS_REFUSED, ACCOUNT_VALIDATED, ACCOUNT_REJECTED,
            CONTACT_DETAILS_CHANGED,
            ONE_TIME_CODE_REQUESTED, SIGN_IN_LOCKED, PASSWORD_CHANGED, PASSWORD_RESET_REQUESTED, ACCOUNT_STATUS_CHANGED,
            DIRECTORY_ENTRIES, ACCOUNT_CLOSED, ACCOUNT_REOPENED, CONTACT_CORRECTION_REQUESTED,
            NAME_CORRECTION_REQUESTED, NAMES_CORRECTED, STAFF_CORRECTION_REFUSED,
            ORGANISATIONAL_MAILBOX_REQUESTED, ORGANISATIONAL_STRUCTURE_CHECKED, ORGANISATIONAL_ADDRESS_ASSIGNED,
            ORGANISATIONAL_MAILBOX_DECIDED, ORGANISATIONAL_MAILBOX_MEMBER_ADDED, ORGANISATIONAL_MAILBOX_MEMBER_REMOVED,
            ORGANISATIONAL_MAILBOX_CLOSED);

    /** Topics that directory publishers outside the platform read: no service of ours needs to consume them. */
    public static final List<Topic<?>> READ_BY_DIRECTORY_PUBLISHERS = List.of(ACCOUNT_VALIDATED, CONTACT_DETAILS_CHANGED,
            DIRECTORY_ENTRIES);

    private Topics() {
    }

    public static Optional<Topic<?>> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static <V extends org.apache.avro.specific.SpecificRecord> Topic<V> carrying(Class<V> valueType) {
        return (Topic<V>) ALL.stream().filter(t -> t.valueType().equals(valueType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No topic carries " + valueType.getName()));
    }
}
