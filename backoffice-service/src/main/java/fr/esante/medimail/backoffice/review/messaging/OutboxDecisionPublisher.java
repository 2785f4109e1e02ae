package fr.esante.medimail.backoffice.review.messaging;

import java.util.UUID;

import org.springframework.stereotype.Component;

import fr.esante.medimail.backoffice.applicant.ApplicantFile;
import fr.esante.medimail.backoffice.applicant.ApplicantProfile;
import fr.esante.medimail.backoffice.review.DecisionPublisher;
import fr.esante.medimail.backoffice.review.Review;
import fr.esante.medimail.backoffice.review.ReviewCase;
import fr.esante.medimail.events.AccountRejected;
import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;

/**
 * Turns decisions into the public events {@code AccountValidated} (read by directory publishers) and
 * {@code AccountRejected}, recorded in the outbox within the decision's transaction; key = account id.
 */
@Component
class OutboxDecisionPublisher implements DecisionPublisher {

    private final Outbox outbox;

    OutboxDecisionPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void accountValidated(ReviewCase decided) {
        outbox.append(Topics.ACCOUNT_VALIDATED, decided.file().accountId().toString(), validated(decided));
    }

    @Override
    public void accountRejected(ReviewCase decided) {
        outbox.append(Topics.ACCOUNT_REJECTED, decided.file().accountId().toString(), rejected(decided));
    }

    static AccountValidated validated(ReviewCase decided) {
        Review review = decided.review();
        ApplicantFile file = decided.file();
        ApplicantProfile profile = file.profile();
        return AccountValidated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setAccountId(file.accountId())
                .setOccurredAt(review.decidedAt())
                .setMssAddress(file.address().address())
                .setMailboxType(file.mailboxType())
                .setLastName(profile.lastName())
                .setFirstName(profile.firstName())
                .setEmail(profile.email())
                .setProfession(profile.profession())
                .setSpecialty(profile.specialty())
                .setIdentifierType(file.identifierType())
                .setIdentifier(file.identifier())
                .setStructureIdentifier(file.structureIdentifier())
                .setLiberal(profile.liberal())
                .setRegion(profile.address().region())
                .setDepartment(profile.address().department())
                .setDirectoryVisible(profile.directoryVisible())
                .setPaperless(profile.paperless())
                .setValidatedAt(review.decidedAt())
                .setValidatedBy(review.decidedBy())
                // Read before ReviewDesk.approve records the names as validated: still pending at this point.
                .setNamesCorrectionConfirmed(file.namesRecheckPending())
                .build();
    }

    static AccountRejected rejected(ReviewCase decided) {
        Review review = decided.review();
        ApplicantProfile profile = decided.file().profile();
        return AccountRejected.newBuilder()
                .setEventId(UUID.randomUUID())
                .setAccountId(decided.file().accountId())
                .setOccurredAt(review.decidedAt())
                .setEmail(profile.email())
                .setFirstName(profile.firstName())
                .setReason(review.rejectionReason())
                .setRejectedBy(review.decidedBy())
                .build();
    }
}
