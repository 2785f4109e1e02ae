package fr.esante.medimail.registration.profile;

import java.time.Clock;
import java.time.Instant;
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

/**
 * PATCH /api/v1/me/contact: the holder of a validated account changes their phones, practice address, directory
 * visibility or paperless choice. The new state is published whole ({@link ProfileEvents#contactDetailsChanged}) in the same
 * transaction, for the directory publishers.
 */
@Service
public class ContactChange {

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
                Refusal.unauthenticated("ACCESS_TOKEN_INVALID", "Votre session n'est pas valide : reconnectez-vous."));
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
        log.info("Account {} changed its contact details", account.id());
        return changed;
    }
}
