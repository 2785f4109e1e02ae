package fr.esante.medimail.registration.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.AccountStatus;
import fr.esante.medimail.registration.account.Accounts;
import fr.esante.medimail.registration.account.PostalAddress;
import fr.esante.medimail.registration.account.ProfessionalProfile;
import fr.esante.medimail.registration.account.Refusal;
import fr.esante.medimail.registration.RegistrationApplication;
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
     * A staff correction, in the consumer's transaction. The back office checked that the account was validated and
     * open when staff made it; one that no longer is by now (unknown, closed since) is logged and ignored, since
     * retrying cannot help and the holder's own data must not change behind a closure.
     */
    @Transactional
    public void correctByStaff(UUID accountId, ContactPatch patch, String staff) {
        Account account = accounts.lockById(accountId).orElse(null);
        if (account == null || account.status() != AccountStatus.VALIDATED || account.profile() == null) {
            log.warn("Contact correction by {} for account {} ignored: {}", staff, accountId,
                    account == null ? "unknown account" : "status " + account.status());
            return;
        }
        apply(account, patch);
        log.info("Contact details of account {} corrected by staff member {}", accountId, staff);
    }

    private ProfessionalProfile apply(Account account, ContactPatch patch) {
        ProfessionalProfile current = account.profile();
        ProfessionalProfile changed = current == null ? null : new ProfessionalProfile(current.path(),
                current.identifierType(), current.identifier(), current.profession(), current.specialty(),
                current.liberal(),
                patch.phone() != null ? patch.phone() : current.phone(),
                patch.removeSecondPhone() ? null : patch.secondPhone() != null ? patch.secondPhone() : current.secondPhone(),
                patch.address() != null ? patch.address() : current.address(),
                current.organisationName(), current.serviceName(),
                patch.directoryVisible() != null ? patch.directoryVisible() : current.directoryVisible(),
                patch.paperless() != null ? patch.paperless() : current.paperless());
        Instant now = clock.instant();
        account.changeContact(changed, now);
        accounts.update(account);
        events.contactDetailsChanged(account, changed, now);
        return changed;
    }
}
