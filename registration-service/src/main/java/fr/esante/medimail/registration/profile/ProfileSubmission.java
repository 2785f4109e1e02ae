package fr.esante.medimail.registration.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.AccountStatus;
import fr.esante.medimail.registration.account.Accounts;
import fr.esante.medimail.registration.account.ProfessionalProfile;
import fr.esante.medimail.registration.account.IdentifierType;
import fr.esante.medimail.registration.account.Refusal;
import fr.esante.medimail.registration.psc.PscIdentity;
import fr.esante.medimail.registration.psc.PscLinks;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;

/**
 * The holder submits their professional profile (after confirming their e-mail, or again after an identity
 * rejection); identity-verification-service takes it from the {@link ProfessionalProfileSubmitted} event.
 */
@Service
public class ProfileSubmission {

    private static final Logger log = LoggerFactory.getLogger(ProfileSubmission.class);
    private static final String PRO_SANTE_CONNECT = "PRO_SANTE_CONNECT";

    private final Accounts accounts;
    private final Outbox outbox;
    private final Clock clock;
    private final PscLinks pscLinks;

    public ProfileSubmission(Accounts accounts, Outbox outbox, Clock clock, PscLinks pscLinks) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
        this.pscLinks = pscLinks;
    }

    /** @throws Refusal PROFILE_SUBMISSION_NOT_ALLOWED (409) when the account's status does not expect a profile */
    @Transactional
    public AccountStatus submit(UUID accountId, ProfessionalProfile profile) {
        Account account = accounts.lockById(accountId).orElseThrow(() ->
                Refusal.unauthenticated("ACCESS_TOKEN_INVALID", "Votre session n'est pas valide : reconnectez-vous."));
        Instant now = clock.instant();
        account.submitProfile(profile, now);
        accounts.update(account);
        ProfessionalProfileSubmitted event = toEvent(account, profile, now);
        boolean vouched = pscLinks.identityOf(account.id()).filter(identity -> vouchedFor(identity, account, profile)).isPresent();
        if (vouched) {
            event.setIdentityVouchedBy(PRO_SANTE_CONNECT);
        }
        outbox.append(Topics.PROFESSIONAL_PROFILE_SUBMITTED, account.id().toString(), event);
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

    private static ProfessionalProfileSubmitted toEvent(Account account, ProfessionalProfile profile, Instant now) {
        return ProfessionalProfileSubmitted.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(account.id()).setOccurredAt(now)
                .setLastName(account.lastName()).setFirstName(account.firstName()).setEmail(account.email())
                .setPath(profile.path().name())
                .setIdentifierType(profile.identifierType().name())
                .setIdentifier(profile.identifier())
                .setProfession(profile.profession())
                .setSpecialty(profile.specialty())
                .setLiberal(profile.liberal())
                .setPhone(profile.phone())
                .setSecondPhone(profile.secondPhone())
                .setAddress(fr.esante.medimail.events.PostalAddress.newBuilder()
                        .setLine(profile.address().line())
                        .setPostalCode(profile.address().postalCode())
                        .setCity(profile.address().city())
                        .setRegion(profile.address().region())
                        .setDepartment(profile.address().department())
                        .build())
                .setOrganisationName(profile.organisationName())
                .setServiceName(profile.serviceName())
                .setDirectoryVisible(profile.directoryVisible())
                .setPaperless(profile.paperless())
                .build();
    }
}
