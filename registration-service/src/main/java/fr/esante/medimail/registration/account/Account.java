package fr.esante.medimail.registration.account;

import static fr.esante.medimail.registration.account.AccountStatus.CLOSED;
import static fr.esante.medimail.registration.account.AccountStatus.EMAIL_CONFIRMATION_PENDING;
import static fr.esante.medimail.registration.account.AccountStatus.EMAIL_CONFIRMED;
import static fr.esante.medimail.registration.account.AccountStatus.IDENTITY_CHECK_PENDING;
import static fr.esante.medimail.registration.account.AccountStatus.IDENTITY_REJECTED;
import static fr.esante.medimail.registration.account.AccountStatus.REJECTED;
import static fr.esante.medimail.registration.account.AccountStatus.VALIDATED;
import static fr.esante.medimail.registration.account.AccountStatus.VALIDATION_PENDING;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * A registration, from the form to the validated mailbox. Every status change goes through a method here,
 * which refuses (user actions) or ignores (events from other services) a change that the current status
 * does not allow: an old or repeated event can never move an account backwards.
 */
public final class Account {

    private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);

    private final UUID id;
    private final String email;
    private String lastName;
    private String firstName;
    private final String region;
    private final String passwordHash;
    private final Instant createdAt;
    private AccountStatus status;
    private String confirmationTokenHash;
    private Instant confirmationExpiresAt;
    private Instant emailConfirmedAt;
    private ProfessionalProfile profile;
    private Instant profileSubmittedAt;
    private MssAddress mssAddress;
    private Rejection rejection;
    private Instant updatedAt;

    /** Rebuilds an account as stored; new accounts come from {@link #requested}. */
    public Account(UUID id, String email, String lastName, String firstName, String region, String passwordHash,
                   AccountStatus status, String confirmationTokenHash, Instant confirmationExpiresAt,
                   Instant emailConfirmedAt, ProfessionalProfile profile, Instant profileSubmittedAt,
                   MssAddress mssAddress, Rejection rejection, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.email = Objects.requireNonNull(email, "email");
        this.lastName = Objects.requireNonNull(lastName, "lastName");
        this.firstName = Objects.requireNonNull(firstName, "firstName");
        this.region = Objects.requireNonNull(region, "region");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.status = Objects.requireNonNull(status, "status");
        this.confirmationTokenHash = confirmationTokenHash;
        this.confirmationExpiresAt = confirmationExpiresAt;
        this.emailConfirmedAt = emailConfirmedAt;
        this.profile = profile;
        this.profileSubmittedAt = profileSubmittedAt;
        this.mssAddress = mssAddress;
        this.rejection = rejection;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new registration waiting for its e-mail confirmation; only the hash of the confirmation token is kept. */
    public static Account requested(UUID id, String email, String lastName, String firstName, String region,
                                    String passwordHash, String confirmationTokenHash, Instant confirmationExpiresAt,
                                    Instant now) {
        return new Account(id, email, lastName, firstName, region, passwordHash, EMAIL_CONFIRMATION_PENDING,
                Objects.requireNonNull(confirmationTokenHash), Objects.requireNonNull(confirmationExpiresAt),
                null, null, null, null, null, now, now);
    }

    /**
     * A registration through Pro Santé Connect whose e-mail address the provider asserted: no confirmation link is
     * needed, the account waits for its professional profile.
     */
    public static Account confirmedByIdentityProvider(UUID id, String email, String lastName, String firstName, String region,
                                                      String passwordHash, Instant now) {
        return new Account(id, email, lastName, firstName, region, passwordHash, EMAIL_CONFIRMED, null, null, now, null,
                null, null, null, now, now);
    }

    /**
     * The holder registered again while the address is still unconfirmed (typically because the link expired):
     * a new confirmation token replaces the previous one, which no longer designates the account. Returns false,
     * changing nothing, once the address is confirmed.
     */
    public boolean renewConfirmation(String newTokenHash, Instant newExpiresAt, Instant now) {
        if (status != EMAIL_CONFIRMATION_PENDING) {
            return false;
        }
        confirmationTokenHash = Objects.requireNonNull(newTokenHash, "newTokenHash");
        confirmationExpiresAt = Objects.requireNonNull(newExpiresAt, "newExpiresAt");
        updatedAt = now;
        return true;
    }

    /**
     * The holder followed the confirmation link (the account was found by its token). The token is consumed:
     * once confirmed, it no longer designates the account.
     *
     * @throws Refusal TOKEN_EXPIRED when the link is too old
     */
    public void confirmEmail(Instant now) {
        if (status != EMAIL_CONFIRMATION_PENDING || confirmationTokenHash == null) {
            throw Refusal.invalid("TOKEN_INVALID", TEXTS.text("account.token-invalid"));
        }
        if (!now.isBefore(confirmationExpiresAt)) {
            throw Refusal.invalid("TOKEN_EXPIRED", TEXTS.text("account.token-expired"));
        }
        status = EMAIL_CONFIRMED;
        confirmationTokenHash = null;
        emailConfirmedAt = now;
        updatedAt = now;
    }

    /**
     * The holder submits their professional profile: the first time after confirming their e-mail, or a corrected
     * one after an identity refusal or a rejection ({@code IDENTITY_REJECTED}, {@code REJECTED}), which starts the
     * checks and the review again; or, for a validated INT mailbox, with the RPPS/ADELI the holder has obtained
     * since: the account stays validated (its mailbox keeps working) and becomes PER, keeping its address, once
     * the identity is verified ({@link #mssAddressAssigned}).
     *
     * @throws Refusal PROFILE_SUBMISSION_NOT_ALLOWED (409) in any other status
     */
    public void submitProfile(ProfessionalProfile submitted, Instant now) {
        Objects.requireNonNull(submitted);
        if (upgradesIntMailbox(submitted)) {
            profile = submitted;
            profileSubmittedAt = now;
            rejection = null;
            updatedAt = now;
            return;
        }
        if (status != EMAIL_CONFIRMED && status != IDENTITY_REJECTED && status != REJECTED) {
            throw Refusal.conflict("PROFILE_SUBMISSION_NOT_ALLOWED", switch (status) {
                case EMAIL_CONFIRMATION_PENDING -> "Confirmez d'abord votre adresse e-mail.";
                case IDENTITY_CHECK_PENDING, VALIDATION_PENDING ->
                        TEXTS.text("account.profile-already-submitted");
                case CLOSED -> TEXTS.text("account.closed");
                default -> isIntMailbox()
                        ? TEXTS.text("account.already-validated.int-mailbox")
                        : TEXTS.text("account.already-validated");
            });
        }
        profile = submitted;
        profileSubmittedAt = now;
        rejection = null;
        status = IDENTITY_CHECK_PENDING;
        updatedAt = now;
    }

    /** A validated INT mailbox whose holder now declares a national identifier (RPPS or ADELI). */
    private boolean upgradesIntMailbox(ProfessionalProfile submitted) {
        return status == VALIDATED && isIntMailbox() && submitted.path() == ProfilePath.NATIONAL_ID;
    }

    private boolean isIntMailbox() {
        return mssAddress != null && "INT".equals(mssAddress.mailboxType());
    }

    /**
     * The holder of a validated account changed their contact details, directory visibility or paperless choice.
     *
     * @throws Refusal ACCOUNT_NOT_VALIDATED (409) before validation: the profile is then changed by submitting it
     */
    public void changeContact(ProfessionalProfile changed, Instant now) {
        if (status != VALIDATED || profile == null) {
            throw Refusal.conflict("ACCOUNT_NOT_VALIDATED", TEXTS.text("account.account-not-validated"));
        }
        profile = Objects.requireNonNull(changed);
        updatedAt = now;
    }

    /**
     * Back-office staff corrected the names of a validated account on its holder's behalf. The MSSante address stays
     * (it is never derived again) and so does the status: the mailbox keeps working while the identity is checked
     * again. Returns false, changing nothing, when the account is not validated (closed since, say) or already has
     * these names.
     */
    public boolean namesCorrectedByStaff(String newLastName, String newFirstName, Instant now) {
        if (status != VALIDATED || profile == null
                || (lastName.equals(newLastName) && firstName.equals(newFirstName))) {
            return false;
        }
        lastName = Objects.requireNonNull(newLastName, "lastName");
        firstName = Objects.requireNonNull(newFirstName, "firstName");
        updatedAt = now;
        return true;
    }

    /**
     * The identity check failed; the holder may resubmit. For a validated INT mailbox whose RPPS could not be
     * verified, the refusal is shown but the account stays validated (INT). Returns false when ignored.
     */
    public boolean identityRejected(Rejection why, Instant now) {
        if (status != IDENTITY_CHECK_PENDING && !(status == VALIDATED && isIntMailbox())) {
            return false;
        }
        rejection = why;
        if (status == IDENTITY_CHECK_PENDING) {
            status = IDENTITY_REJECTED;
        }
        updatedAt = now;
        return true;
    }

    /**
     * An MSSanté address was reserved; staff review comes next. For a validated account, the same address
     * assigned again as PER means its INT mailbox became PER (the holder's RPPS was verified). Returns false when
     * ignored in the current status.
     */
    public boolean mssAddressAssigned(MssAddress assigned, Instant now) {
        if (status == VALIDATED) {
            if (isIntMailbox() && "PER".equals(assigned.mailboxType()) && mssAddress.address().equals(assigned.address())) {
                mssAddress = assigned;
                rejection = null;
                updatedAt = now;
                return true;
            }
            return false;
        }
        if (status != IDENTITY_CHECK_PENDING) {
            return false;
        }
        mssAddress = assigned;
        status = VALIDATION_PENDING;
        updatedAt = now;
        return true;
    }

    /** No address can be derived: the registration stops. Returns false when ignored in the current status. */
    public boolean mssAddressRefused(Rejection why, Instant now) {
        if (status != IDENTITY_CHECK_PENDING) {
            return false;
        }
        rejection = why;
        status = REJECTED;
        updatedAt = now;
        return true;
    }

    /**
     * Staff validated the account. Also accepted while the address assignment has not been seen yet (events of
     * different topics are not ordered between them): the validation carries the address.
     */
    public boolean validated(MssAddress address, Instant now) {
        if (status != VALIDATION_PENDING && status != IDENTITY_CHECK_PENDING) {
            return false;
        }
        mssAddress = address;
        rejection = null;
        status = VALIDATED;
        updatedAt = now;
        return true;
    }

    /** Staff rejected the account. Returns false when ignored in the current status. */
    public boolean rejectedByStaff(Rejection why, Instant now) {
        if (status != VALIDATION_PENDING && status != IDENTITY_CHECK_PENDING) {
            return false;
        }
        rejection = why;
        status = REJECTED;
        updatedAt = now;
        return true;
    }

    /** Staff closed the validated account. Returns false when ignored in the current status. */
    public boolean closedByStaff(Instant now) {
        if (status != VALIDATED) {
            return false;
        }
        status = CLOSED;
        updatedAt = now;
        return true;
    }

    /** Staff reopened the closed account: validated again, with the same address. Returns false when ignored. */
    public boolean reopenedByStaff(Instant now) {
        if (status != CLOSED) {
            return false;
        }
        status = VALIDATED;
        updatedAt = now;
        return true;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String lastName() {
        return lastName;
    }

    public String firstName() {
        return firstName;
    }

    public String region() {
        return region;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public AccountStatus status() {
        return status;
    }

    public String confirmationTokenHash() {
        return confirmationTokenHash;
    }

    public Instant confirmationExpiresAt() {
        return confirmationExpiresAt;
    }

    public Instant emailConfirmedAt() {
        return emailConfirmedAt;
    }

    public ProfessionalProfile profile() {
        return profile;
    }

    public Instant profileSubmittedAt() {
        return profileSubmittedAt;
    }

    public MssAddress mssAddress() {
        return mssAddress;
    }

    public Rejection rejection() {
        return rejection;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Account[" + id + ", " + status + "]";
    }
}
