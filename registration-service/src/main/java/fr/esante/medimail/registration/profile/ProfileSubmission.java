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
import fr.esante.medimail.registration.account.IdentifierType;
import fr.esante.medimail.registration.account.Refusal;
import fr.esante.medimail.registration.psc.PscIdentity;
import fr.esante.medimail.registration.psc.PscLinks;
import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * The holder submits their professional profile (after confirming their e-mail, or again after an identity
 * rejection); identity-verification-service takes it from the event of {@link ProfileEvents#profileSubmitted}.
 */
@Service
public class ProfileSubmission {

    private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);

    private static final Logger log = LoggerFactory.getLogger(ProfileSubmission.class);

    private final Accounts accounts;
    private final ProfileEvents events;
    private final Clock clock;
    private final PscLinks pscLinks;

    public ProfileSubmission(Accounts accounts, ProfileEvents events, Clock clock, PscLinks pscLinks) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.pscLinks = pscLinks;
    }

    /** @throws Refusal PROFILE_SUBMISSION_NOT_ALLOWED (409) when the account's status does not expect a profile */
    @Transactional
    public AccountStatus submit(UUID accountId, ProfessionalProfile profile) {
        Account account = accounts.lockById(accountId).orElseThrow(() ->
                Refusal.unauthenticated("ACCESS_TOKEN_INVALID", TEXTS.text("profile.access-token-invalid")));
        Instant now = clock.instant();
        account.submitProfile(profile, now);
        accounts.update(account);
        boolean vouched = pscLinks.identityOf(account.id()).filter(identity -> vouchedFor(identity, account, profile)).isPresent();
        events.profileSubmitted(account, profile, now, vouched);
        log.info("Account {} submitted its professional profile ({} {}{})", account.id(), profile.path(), profile.identifierType(),
                vouched ? ", vouched for by Pro Santé Connect" : "");
        return account.status();
    }

    /**
     * Pro Santé Connect vouches for the profile only when what it asserted is what the profile says: the RPPS, the
     * names of the account and a profession of SubjectRefPro. Anything else typed goes through the directory check.
     */
    static boolean vouchedFor(PscIdentity identity, Account account, ProfessionalProfile profile) {
        if (profile.identifierType() != IdentifierType.RPPS || profile.identifier() == null) {
            return false;
        }
        String digits = profile.identifier().replaceAll("[^0-9]", "");
        if (digits.length() == 12 && digits.startsWith("8")) {
            digits = digits.substring(1);
        }
        return digits.equals(identity.rpps())
                && account.lastName().strip().equalsIgnoreCase(identity.lastName().strip())
                && account.firstName().strip().equalsIgnoreCase(identity.firstName().strip())
                && identity.professions().contains(profile.profession());
    }
}
