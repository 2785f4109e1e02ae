package fr.esante.medimail.backoffice.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.backoffice.BackofficeApplication;
import fr.esante.medimail.backoffice.applicant.AccountStandingChanged;
import fr.esante.medimail.backoffice.applicant.ApplicantFile;
import fr.esante.medimail.backoffice.applicant.ApplicantFiles;
import fr.esante.medimail.backoffice.applicant.ApplicantProfile;
import fr.esante.medimail.backoffice.applicant.PostalAddress;
import fr.esante.medimail.backoffice.audit.StaffAudit;
import fr.esante.medimail.backoffice.review.ReviewStatus;
import fr.esante.medimail.backoffice.review.Reviews;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * Staff actions on existing accounts (role ADMIN): close a validated account, reopen a closed one, correct its contact
 * details or names. Each is recorded, audited and announced (registration-service; the directory feed) in one transaction.
 */
@Service
public class AccountCare {

    private static final UserTexts TEXTS = UserTexts.of(BackofficeApplication.NAME);

    /** The longest closure reason staff may write. */
    public static final int MAX_REASON_LENGTH = 1000;

    private static final Logger log = LoggerFactory.getLogger(AccountCare.class);

    private final ApplicantFiles files;
    private final Reviews reviews;
    private final AccountClosures closures;
    private final AccountCarePublisher publisher;
    private final StaffAudit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public AccountCare(ApplicantFiles files, Reviews reviews, AccountClosures closures, AccountCarePublisher publisher,
                       StaffAudit audit, ApplicationEventPublisher events, Clock clock) {
        this.files = files;
        this.reviews = reviews;
        this.closures = closures;
        this.publisher = publisher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param reason French, 1 to {@value #MAX_REASON_LENGTH} characters (checked by the caller)
     * @throws AccountNotFound      no such account
     * @throws AccountNotValidated  the account was never validated
     * @throws AccountAlreadyClosed it is closed already
     */
    @Transactional
    public AccountClosure close(UUID accountId, String staff, String reason) {
        ApplicantFile file = validatedFile(accountId);
        AccountClosure closure = new AccountClosure(accountId, now(), staff, reason.strip());
        if (!closures.close(closure)) {
            throw new AccountAlreadyClosed(closures.find(accountId).orElse(closure));
        }
        String address = file.address() == null ? null : file.address().address();
        publisher.closed(closure, address);
        audit.record(staff, "ACCOUNT_CLOSED", "ACCOUNT", accountId, Map.of("status", "VALIDATED"),
                Map.of("status", "CLOSED", "reason", closure.reason()));
        events.publishEvent(new AccountStandingChanged(accountId));
        log.info("Account {} closed by {}", accountId, staff);
        return closure;
    }

    /**
     * @throws AccountNotFound  no such account
     * @throws AccountNotClosed it is not closed
     */
    @Transactional
    public void reopen(UUID accountId, String staff) {
        validatedFile(accountId);
        AccountClosure former = closures.reopen(accountId).orElseThrow(() -> new AccountNotClosed(accountId));
        Instant now = now();
        publisher.reopened(former, now, staff);
        audit.record(staff, "ACCOUNT_REOPENED", "ACCOUNT", accountId,
                Map.of("status", "CLOSED", "reason", former.reason(), "closedBy", former.closedBy()),
                Map.of("status", "VALIDATED"));
        events.publishEvent(new AccountStandingChanged(accountId));
        log.info("Account {} reopened by {}", accountId, staff);
    }

    /**
     * Asks registration-service, which owns contact details, to apply the correction; it announces the new state
     * (ContactDetailsChanged), which updates this service's file and the directory feed. The audit keeps the contact
     * details before and after, as this service knows them.
     *
     * @throws AccountNotFound            no such account
     * @throws AccountNotValidated        the account was never validated (its holder corrects a pending profile)
     * @throws AccountClosedForCorrection the account is closed
     * @throws NothingToCorrect           the correction would change nothing
     */
    @Transactional
    public void correctContact(UUID accountId, String staff, ContactCorrection correction) {
        ApplicantFile file = validatedFile(accountId);
        closures.find(accountId).ifPresent(closure -> {
            throw new AccountClosedForCorrection(closure, CorrectionSubject.CONTACT);
        });
        ApplicantProfile profile = file.profile();
        Map<String, Object> before = contact(profile.phone(), profile.secondPhone(), profile.address());
        Map<String, Object> after = contact(
                correction.phone() != null ? correction.phone() : profile.phone(),
                correction.removeSecondPhone() ? null
                        : correction.secondPhone() != null ? correction.secondPhone() : profile.secondPhone(),
                correction.address() != null ? correction.address() : profile.address());
        if (correction.changesNothing() || before.equals(after)) {
            throw new NothingToCorrect(accountId, CorrectionSubject.CONTACT);
        }
        publisher.contactCorrected(accountId, correction, now(), staff);
        audit.record(staff, "CONTACT_CORRECTED", "ACCOUNT", accountId, before, after);
        log.info("Contact details of account {} corrected by {}", accountId, staff);
    }

    /**
     * Asks registration-service, which owns the names, to apply them. It then announces NamesCorrected: identity
     * verification checks the identity again and the account comes back to the review queue; the MSSante address is
     * kept. The audit keeps the names before and after, as this service knows them.
     *
     * @throws AccountNotFound            no such account
     * @throws AccountNotValidated        the account was never validated (its holder corrects a pending profile)
     * @throws AccountClosedForCorrection the account is closed
     * @throws NothingToCorrect           the names are those of the account already
     */
    @Transactional
    public void correctNames(UUID accountId, String staff, NameCorrection correction) {
        ApplicantFile file = validatedFile(accountId);
        closures.find(accountId).ifPresent(closure -> {
            throw new AccountClosedForCorrection(closure, CorrectionSubject.NAMES);
        });
        ApplicantProfile profile = file.profile();
        if (profile.lastName().equals(correction.lastName()) && profile.firstName().equals(correction.firstName())) {
            throw new NothingToCorrect(accountId, CorrectionSubject.NAMES);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("lastName", profile.lastName());
        before.put("firstName", profile.firstName());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("lastName", correction.lastName());
        after.put("firstName", correction.firstName());
        after.put("reason", Objects.requireNonNullElse(correction.reason(), ""));
        publisher.namesCorrected(accountId, correction, now(), staff);
        audit.record(staff, "NAME_CORRECTED", "ACCOUNT", accountId, before, after);
        log.info("Names of account {} corrected by {}", accountId, staff);
    }

    /** The audited view of contact details; a missing value is recorded as such, not left out. */
    private static Map<String, Object> contact(String phone, String secondPhone, PostalAddress address) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("phone", phone);
        state.put("secondPhone", Objects.requireNonNullElse(secondPhone, ""));
        state.put("address", address == null ? "" : String.join(", ", address.line(), address.postalCode() + " " + address.city(),
                address.department() == null ? TEXTS.text("account.audit.region", address.region())
                        : TEXTS.text("account.audit.region-and-department", address.region(), address.department())));
        return state;
    }

    @Transactional(readOnly = true)
    public Optional<AccountClosure> closure(UUID accountId) {
        return closures.find(accountId);
    }

    private ApplicantFile validatedFile(UUID accountId) {
        ApplicantFile file = files.find(accountId).orElseThrow(() -> new AccountNotFound(accountId));
        if (reviews.ofAccount(accountId).stream().noneMatch(r -> r.status() == ReviewStatus.APPROVED)) {
            throw new AccountNotValidated(accountId);
        }
        return file;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
