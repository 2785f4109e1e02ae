package fr.esante.medimail.registration.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.Accounts;
import fr.esante.medimail.registration.account.PostalAddress;
import fr.esante.medimail.registration.account.ProfessionalProfile;
import fr.esante.medimail.registration.account.Refusal;
import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.registration.profile.StaffCorrectionRefusal.Kind;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * PATCH /api/v1/me/contact: the holder of a validated account changes their phones, practice address, directory
 * visibility or paperless choice; or back-office staff correct them on the holder's behalf (ContactCorrectionRequested).
 * The new state is published whole ({@link ProfileEvents#contactDetailsChanged}) in the same transaction, for the
 * directory publishers.
 */
@Service
public class ContactChange {

    private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);

    private static final Logger log = LoggerFactory.getLogger(ContactChange.class);

    /**
     * What to change; a null field stays as it is. {@code removeSecondPhone} clears the second phone.
     */
    public record ContactPatch(String phone, String secondPhone, boolean removeSecondPhone, PostalAddress address,
                               Boolean directoryVisible, Boolean paperless) {
    }

    private final Accounts accounts;
    private final ProfileEvents events;
    private final Clock clock;

    public ContactChange(Accounts accounts, ProfileEvents events, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** @throws Refusal ACCOUNT_NOT_VALIDATED (409) before validation */
    @Transactional
    public ProfessionalProfile change(UUID accountId, ContactPatch patch) {
        Account account = accounts.lockById(accountId).orElseThrow(() ->
                Refusal.unauthenticated("ACCESS_TOKEN_INVALID", TEXTS.text("profile.access-token-invalid")));
        ProfessionalProfile changed = apply(account, patch);
        log.info("Account {} changed its contact details", account.id());
        return changed;
    }

    /**
     * A staff correction, in the consumer's transaction, as the back office received it (trimmed, not normalised).
     * This service's rules ({@link ContactDetailsRules}) decide; a value they refuse, or an account that cannot be
     * corrected (unknown, closed or not validated since), changes nothing and is told back to the back office
     * ({@link ProfileEvents#staffCorrectionRefused}): retrying cannot help, and the holder's own data must not change
     * behind a closure.
     *
     * @param requestId the eventId of the staff request, quoted in a refusal
     */
    @Transactional
    public void correctByStaff(UUID requestId, UUID accountId, ContactPatch patch, String staff) {
        Account account = accounts.lockById(accountId).orElse(null);
        if (!StaffCorrectionRefusal.correctable(account)) {
            refuse(accountId, StaffCorrectionRefusal.account(requestId, staff, Kind.CONTACT, account));
            return;
        }
        Optional<ContactDetailsRules.Breach> breach = ContactDetailsRules.problemWith(patch.phone(),
                patch.secondPhone(), patch.address());
        if (breach.isPresent()) {
            refuse(accountId, StaffCorrectionRefusal.field(requestId, staff, Kind.CONTACT,
                    breach.get().field().name(), breach.get().problem()));
            return;
        }
        ContactPatch normalised = new ContactPatch(PhoneNumbers.normalise(patch.phone()),
                PhoneNumbers.normalise(patch.secondPhone()), patch.removeSecondPhone(), patch.address(),
                patch.directoryVisible(), patch.paperless());
        // The back office sends what staff typed ("05 61 …"): only the normalised values tell whether anything
        // changes, and a correction that changes nothing must not announce a change to the directory and the holder.
        if (merged(account.profile(), normalised).equals(account.profile())) {
            log.info("Contact correction by {} for account {} changes nothing: ignored", staff, accountId);
            return;
        }
        apply(account, normalised);
        log.info("Contact details of account {} corrected by staff member {}", accountId, staff);
    }

    private void refuse(UUID accountId, StaffCorrectionRefusal refusal) {
        events.staffCorrectionRefused(accountId, refusal, clock.instant());
        log.warn("Contact correction by {} for account {} refused: {} {} {}", refusal.staff(), accountId,
                refusal.reason(), refusal.field() == null ? "" : refusal.field(),
                refusal.problem() == null ? "" : refusal.problem());
    }

    private ProfessionalProfile apply(Account account, ContactPatch patch) {
        ProfessionalProfile changed = merged(account.profile(), patch);
        Instant now = clock.instant();
        account.changeContact(changed, now);
        accounts.update(account);
        events.contactDetailsChanged(account, changed, now);
        return changed;
    }

    private static ProfessionalProfile merged(ProfessionalProfile current, ContactPatch patch) {
        return current == null ? null : new ProfessionalProfile(current.path(),
                current.identifierType(), current.identifier(), current.profession(), current.specialty(),
                current.liberal(),
                patch.phone() != null ? patch.phone() : current.phone(),
                patch.removeSecondPhone() ? null : patch.secondPhone() != null ? patch.secondPhone() : current.secondPhone(),
                patch.address() != null ? patch.address() : current.address(),
                current.organisationName(), current.serviceName(),
                patch.directoryVisible() != null ? patch.directoryVisible() : current.directoryVisible(),
                patch.paperless() != null ? patch.paperless() : current.paperless());
    }
}
