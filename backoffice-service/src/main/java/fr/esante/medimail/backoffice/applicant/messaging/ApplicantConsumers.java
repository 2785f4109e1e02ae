package fr.esante.medimail.backoffice.applicant.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.esante.medimail.backoffice.applicant.ApplicantIntake;
import fr.esante.medimail.backoffice.applicant.ApplicantProfile;
import fr.esante.medimail.backoffice.applicant.AssignedAddress;
import fr.esante.medimail.backoffice.applicant.ContactDetails;
import fr.esante.medimail.backoffice.applicant.DirectoryActivity;
import fr.esante.medimail.backoffice.applicant.IdentityEvidence;
import fr.esante.medimail.backoffice.applicant.PostalAddress;
import fr.esante.medimail.backoffice.profession.ProfessionNames;
import fr.esante.medimail.events.ContactDetailsChanged;
import fr.esante.medimail.events.IdentityVerified;
import fr.esante.medimail.events.MssAddressAssigned;
import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.inbox.EventConsumers;

/**
 * Binds the events that feed applicants' files (binding names match backoffice-service.yml) and turns
 * them into domain facts. {@link EventConsumers} makes each one idempotent by its event id.
 */
@Configuration
class ApplicantConsumers {

    @Bean
    Consumer<Message<byte[]>> onProfessionalProfileSubmitted(EventConsumers consumers, ApplicantIntake intake,
                                                             ProfessionNames professions) {
        return consumers.consumer(Topics.PROFESSIONAL_PROFILE_SUBMITTED, event -> {
            intake.profileSubmitted(profile(event));
            professions.learn(event.getProfession(), event.getProfessionLabel());
        });
    }

    @Bean
    Consumer<Message<byte[]>> onIdentityVerified(EventConsumers consumers, ApplicantIntake intake) {
        return consumers.consumer(Topics.IDENTITY_VERIFIED,
                event -> intake.identityVerified(event.getAccountId(), evidence(event)));
    }

    @Bean
    Consumer<Message<byte[]>> onMssAddressAssigned(EventConsumers consumers, ApplicantIntake intake) {
        return consumers.consumer(Topics.MSS_ADDRESS_ASSIGNED, event -> intake.addressAssigned(event.getAccountId(),
                new AssignedAddress(event.getAddress(), event.getMailboxType(), event.getOccurredAt())));
    }

    @Bean
    Consumer<Message<byte[]>> onContactDetailsChanged(EventConsumers consumers, ApplicantIntake intake) {
        return consumers.consumer(Topics.CONTACT_DETAILS_CHANGED,
                event -> intake.contactDetailsChanged(event.getAccountId(), contact(event)));
    }

    @Bean
    Consumer<Message<byte[]>> onNamesCorrected(EventConsumers consumers, ApplicantIntake intake) {
        return consumers.consumer(Topics.NAMES_CORRECTED, event -> intake.namesCorrected(event.getAccountId(),
                event.getLastName(), event.getFirstName(), event.getOccurredAt()));
    }

    static ContactDetails contact(ContactDetailsChanged event) {
        return new ContactDetails(event.getPhone(), event.getSecondPhone(),
                new PostalAddress(event.getAddressLine(), event.getPostalCode(), event.getCity(), event.getRegion(),
                        event.getDepartment()),
                event.getDirectoryVisible(), event.getPaperless(), event.getOccurredAt());
    }

    static ApplicantProfile profile(ProfessionalProfileSubmitted event) {
        var address = event.getAddress();
        return new ApplicantProfile(event.getAccountId(), event.getLastName(), event.getFirstName(), event.getEmail(),
                event.getPath(), event.getIdentifierType(), event.getIdentifier(), event.getProfession(),
                event.getSpecialty(), event.getLiberal(), event.getPhone(), event.getSecondPhone(),
                new PostalAddress(address.getLine(), address.getPostalCode(), address.getCity(), address.getRegion(),
                        address.getDepartment()),
                event.getOrganisationName(), event.getServiceName(), event.getDirectoryVisible(), event.getPaperless(),
                event.getOccurredAt());
    }

    static IdentityEvidence evidence(IdentityVerified event) {
        List<DirectoryActivity> activities = event.getActivities().stream()
                .map(a -> new DirectoryActivity(a.getStructureName(), a.getSiret(), a.getFiness(), a.getPostalCode(),
                        a.getCity(), a.getPracticeMode()))
                .toList();
        return new IdentityEvidence(event.getLastName(), event.getFirstName(), event.getProfession(),
                event.getSpecialties(), event.getIdentifierType(), event.getIdentifier(), event.getMailboxType(),
                event.getStructureIdentifier(), event.getSource(), activities, event.getOccurredAt(),
                event.getDirectoryImportedAt());
    }
}
