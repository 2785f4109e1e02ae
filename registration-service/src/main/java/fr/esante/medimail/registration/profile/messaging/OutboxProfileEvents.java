package fr.esante.medimail.registration.profile.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fr.esante.medimail.events.ContactDetailsChanged;
import fr.esante.medimail.events.NamesCorrected;
import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.events.StaffCorrectionRefused;
import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.PostalAddress;
import fr.esante.medimail.registration.account.ProfessionalProfile;
import fr.esante.medimail.registration.profile.NameCorrectionByStaff;
import fr.esante.medimail.registration.profile.ProfileEvents;
import fr.esante.medimail.registration.profile.StaffCorrectionRefusal;
import fr.esante.medimail.registration.reference.Professions;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;

/**
 * {@link ProfessionalProfileSubmitted}, {@link ContactDetailsChanged}, {@link NamesCorrected} and
 * {@link StaffCorrectionRefused} through the outbox.
 */
@Component
class OutboxProfileEvents implements ProfileEvents {

    private final Outbox outbox;

    OutboxProfileEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void profileSubmitted(Account account, ProfessionalProfile profile, Instant at, boolean vouchedByProSanteConnect) {
        outbox.append(Topics.PROFESSIONAL_PROFILE_SUBMITTED, account.id().toString(), ProfessionalProfileSubmitted.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(account.id()).setOccurredAt(at)
                .setLastName(account.lastName()).setFirstName(account.firstName()).setEmail(account.email())
                .setPath(profile.path().name())
                .setIdentifierType(profile.identifierType().name())
                .setIdentifier(profile.identifier())
                .setProfession(profile.profession())
                .setProfessionLabel(Professions.label(profile.profession()))
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
                .setIdentityVouchedBy(vouchedByProSanteConnect ? "PRO_SANTE_CONNECT" : null)
                .build());
    }

    @Override
    public void contactDetailsChanged(Account account, ProfessionalProfile changed, Instant at) {
        PostalAddress address = changed.address();
        outbox.append(Topics.CONTACT_DETAILS_CHANGED, account.id().toString(), ContactDetailsChanged.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(account.id()).setOccurredAt(at)
                .setPhone(changed.phone()).setSecondPhone(changed.secondPhone())
                .setAddressLine(address.line()).setPostalCode(address.postalCode()).setCity(address.city())
                .setRegion(address.region()).setDepartment(address.department())
                .setDirectoryVisible(changed.directoryVisible()).setPaperless(changed.paperless())
                .build());
    }

    @Override
    public void namesCorrected(Account account, NameCorrectionByStaff.Names previous, String staff, Instant at) {
        ProfessionalProfile profile = account.profile();
        outbox.append(Topics.NAMES_CORRECTED, account.id().toString(), NamesCorrected.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(account.id()).setOccurredAt(at).setCorrectedBy(staff)
                .setLastName(account.lastName()).setFirstName(account.firstName())
                .setPreviousLastName(previous.lastName()).setPreviousFirstName(previous.firstName())
                .setEmail(account.email())
                .setPath(profile.path().name())
                .setIdentifierType(profile.identifierType().name())
                .setIdentifier(profile.identifier())
                .setProfession(profile.profession())
                .setSpecialty(profile.specialty())
                .setLiberal(profile.liberal())
                .setOrganisationName(profile.organisationName())
                .setMssAddress(account.mssAddress() == null ? null : account.mssAddress().address())
                .build());
    }

    @Override
    public void staffCorrectionRefused(UUID accountId, StaffCorrectionRefusal refusal, Instant at) {
        outbox.append(Topics.STAFF_CORRECTION_REFUSED, accountId.toString(), StaffCorrectionRefused.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(accountId).setOccurredAt(at)
                .setRequestEventId(refusal.requestId()).setRequestedBy(refusal.staff())
                .setKind(refusal.kind().name()).setReason(refusal.reason().name())
                .setField(refusal.field())
                .setProblem(refusal.problem() == null ? null : refusal.problem().name())
                .build());
    }
}
