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
import fr.esante.medimail.registration.account.ProfessionalProfile;
import fr.esante.medimail.registration.account.Refusal;

/**
 * The holder submits their professional profile (after confirming their e-mail, or again after an identity
 * rejection); identity-verification-service takes it from the event of {@link ProfileEvents#profileSubmitted}.
 */
@Service
public class ProfileSubmission {

    private static final Logger log = LoggerFactory.getLogger(ProfileSubmission.class);

    private final Accounts accounts;
    private final ProfileEvents events;
    private final Clock clock;

    public ProfileSubmission(Accounts accounts, ProfileEvents events, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** @throws Refusal PROFILE_SUBMISSION_NOT_ALLOWED (409) when the account's status does not expect a profile */
    @Transactional
    public AccountStatus submit(UUID accountId, ProfessionalProfile profile) {
        Account account = accounts.lockById(accountId).orElseThrow(() ->
                Refusal.unauthenticated("ACCESS_TOKEN_INVALID", "Votre session n'est pas valide : reconnectez-vous."));
        Instant now = clock.instant();
        account.submitProfile(profile, now);
        accounts.update(account);
        events.profileSubmitted(account, profile, now);
        log.info("Account {} submitted its professional profile ({} {})", account.id(), profile.path(), profile.identifierType());
        return account.status();
    }
}
