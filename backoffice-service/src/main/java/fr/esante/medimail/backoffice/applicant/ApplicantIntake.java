package fr.esante.medimail.backoffice.applicant;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds applicants' files from what the other services tell: the submitted profile, the identity check,
 * the assigned MSSante address. Safe to call again with the same fact. Whoever cares (the review queue)
 * hears about each change through {@link ApplicantFileUpdated}.
 */
@Service
public class ApplicantIntake {

    private static final Logger log = LoggerFactory.getLogger(ApplicantIntake.class);

    private final ApplicantFiles files;
    private final ApplicationEventPublisher publisher;

    public ApplicantIntake(ApplicantFiles files, ApplicationEventPublisher publisher) {
        this.files = files;
        this.publisher = publisher;
    }

    @Transactional
    public void profileSubmitted(ApplicantProfile profile) {
        files.recordProfile(profile);
        log.info("Profile of account {} submitted at {} recorded", profile.accountId(), profile.submittedAt());
        changed(profile.accountId());
    }

    @Transactional
    public void identityVerified(UUID accountId, IdentityEvidence identity) {
        files.recordIdentity(accountId, identity);
        log.info("Identity evidence of account {} recorded (source {})", accountId, identity.source());
        changed(accountId);
    }

    @Transactional
    public void addressAssigned(UUID accountId, AssignedAddress address) {
        files.recordAddress(accountId, address);
        log.info("MSSante address of account {} recorded", accountId);
        changed(accountId);
    }

    @Transactional
    public void contactDetailsChanged(UUID accountId, ContactDetails contact) {
        files.recordContact(accountId, contact);
        log.info("Contact details of account {} changed at {} recorded", accountId, contact.changedAt());
        changed(accountId);
    }

    /**
     * registration-service applied staff-corrected names: the identity evidence on file is now for the former names,
     * so the file waits for the new check, after which the account is reviewed again.
     */
    @Transactional
    public void namesCorrected(UUID accountId, String lastName, String firstName, Instant correctedAt) {
        files.recordNamesCorrection(accountId, lastName, firstName, correctedAt);
        log.info("Names of account {} corrected at {} recorded; waiting for the new identity check", accountId, correctedAt);
        changed(accountId);
    }

    private void changed(UUID accountId) {
        ApplicantFile file = files.find(accountId)
                .orElseThrow(() -> new IllegalStateException("Applicant file " + accountId + " vanished"));
        publisher.publishEvent(new ApplicantFileUpdated(file));
    }
}
