package fr.esante.medimail.backoffice;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;

import fr.esante.medimail.events.DirectoryActivity;
import fr.esante.medimail.events.IdentityReviewRequested;
import fr.esante.medimail.events.IdentityVerified;
import fr.esante.medimail.events.MssAddressAssigned;
import fr.esante.medimail.events.PostalAddress;
import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.schemas.Topic;
import fr.esante.medimail.schemas.Topics;

/** Fictional applicants (test-identities.md), each with a fresh account id, e-mail and MSSante address. */
final class Applicants {

    private Applicants() {
    }

    /** Sends one event to its topic, keyed by account id. */
    interface Sender {
        <V extends SpecificRecord> void send(Topic<V> topic, UUID accountId, V event);
    }

    /** The three facts the other services publish about one applicant. */
    /** When the imported directory that vouched for Durand was imported (1 March 2026, 06h00 in Paris). */
    static final Instant DIRECTORY_IMPORTED_AT = Instant.parse("2026-03-01T05:00:00Z");

    record Applicant(UUID accountId, ProfessionalProfileSubmitted profile, IdentityVerified identity,
                     MssAddressAssigned address) {

        void sendProfile(Sender sender) {
            sender.send(Topics.PROFESSIONAL_PROFILE_SUBMITTED, accountId, profile);
        }

        void sendIdentity(Sender sender) {
            sender.send(Topics.IDENTITY_VERIFIED, accountId, identity);
        }

        void sendAddress(Sender sender) {
            sender.send(Topics.MSS_ADDRESS_ASSIGNED, accountId, address);
        }

        void sendAll(Sender sender) {
            sendProfile(sender);
            sendIdentity(sender);
            sendAddress(sender);
        }

        /** The same applicant having declared {@code identifier} (e.g. a national form the identity check normalises). */
        Applicant declaring(String identifier) {
            return new Applicant(accountId, ProfessionalProfileSubmitted.newBuilder(profile).setIdentifier(identifier).build(),
                    identity, address);
        }

        Instant submittedAt() {
            return profile.getOccurredAt();
        }
    }

    /** Jean DURAND, médecin généraliste libéral in Toulouse (RPPS 99800000012), profile submitted {@code ago}. */
    static Applicant durand(Duration ago) {
        UUID accountId = UUID.randomUUID();
        String suffix = accountId.toString().substring(0, 8);
        Instant submitted = Instant.now().minus(ago).truncatedTo(ChronoUnit.MILLIS);
        ProfessionalProfileSubmitted profile = ProfessionalProfileSubmitted.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(accountId).setOccurredAt(submitted)
                .setLastName("DURAND").setFirstName("Jean").setEmail("jean.durand." + suffix + "@example.org")
                .setPath("NATIONAL_ID").setIdentifierType("RPPS").setIdentifier("99800000012")
                .setProfession("10").setProfessionLabel("Médecin").setSpecialty("SM54").setLiberal(true)
                .setPhone("0561000000").setSecondPhone(null)
                .setAddress(PostalAddress.newBuilder().setLine("10 rue des Trente-six Ponts").setPostalCode("31400")
                        .setCity("Toulouse").setRegion("76").setDepartment("31").build())
                .setOrganisationName("Cabinet médical").setServiceName(null)
                .setDirectoryVisible(true).setPaperless(true)
                .build();
        IdentityVerified identity = IdentityVerified.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(accountId).setOccurredAt(submitted.plusSeconds(60))
                .setLastName("DURAND").setFirstName("Jean").setProfession("10").setSpecialties(List.of("SM54"))
                .setIdentifierType("RPPS").setIdentifier("99800000012").setMailboxType("PER")
                .setStructureIdentifier(null).setSource("IMPORTED_DIRECTORY")
                .setDirectoryImportedAt(DIRECTORY_IMPORTED_AT)
                .setActivities(List.of(DirectoryActivity.newBuilder().setStructureName("Cabinet médical")
                        .setPostalCode("31400").setCity("Toulouse").setPracticeMode("L").build()))
                .build();
        MssAddressAssigned address = MssAddressAssigned.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(accountId).setOccurredAt(submitted.plusSeconds(120))
                .setAddress("jean.durand." + suffix + "@medecin.oc.mssante.fr").setLocalPart("jean.durand." + suffix)
                .setDomain("medecin.oc.mssante.fr").setMailboxType("PER")
                .build();
        return new Applicant(accountId, profile, identity, address);
    }

    /**
     * What identity-verification-service publishes when this applicant's name nearly matches the directory's
     * ("Durant" declared, "DURAND" in the directory): a new decision id each time.
     */
    static IdentityReviewRequested nearMiss(Applicant applicant) {
        return IdentityReviewRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(applicant.accountId())
                .setOccurredAt(applicant.submittedAt().plusSeconds(30))
                .setDecisionId(UUID.randomUUID()).setReason("NAME_MISMATCH")
                .setDetail("Declared name 'Durant Jean' nearly matches 'DURAND Jean' for RPPS 99800000012: a near miss, manual review needed")
                .setPath("NATIONAL_ID").setDeclaredLastName("Durant").setDeclaredFirstName("Jean")
                .setDirectoryLastName("DURAND").setDirectoryFirstName("Jean")
                .setIdentifierType("RPPS").setIdentifier("99800000012").setProfession("10")
                .setSource("IMPORTED_DIRECTORY").setDirectoryImportId(3L).setLiveFailure(null)
                .setEvidence("Reason: NAME_MISMATCH\nlastName: declared 'Durant', directory 'DURAND' -> NEAR_MISS\n"
                        + "firstName: declared 'Jean', directory 'Jean' -> MATCH")
                .build();
    }

    static Applicant durand() {
        return durand(Duration.ofHours(2));
    }

    /**
     * Yves LE GALL, nurse in training attached to the fictional hospital (FINESS 310000013): an INT mailbox,
     * salaried, who asked to stay out of the directory and to keep paper mail.
     */
    static Applicant leGallInTraining() {
        UUID accountId = UUID.randomUUID();
        String suffix = accountId.toString().substring(0, 8);
        Instant submitted = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        ProfessionalProfileSubmitted profile = ProfessionalProfileSubmitted.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(accountId).setOccurredAt(submitted)
                .setLastName("LE GALL").setFirstName("Yves").setEmail("yves.legall." + suffix + "@example.org")
                .setPath("FOREIGN_OR_IN_TRAINING").setIdentifierType("FINESS").setIdentifier("310000013")
                .setProfession("60").setProfessionLabel("Infirmier").setSpecialty(null).setLiberal(false)
                .setPhone("0562000000").setSecondPhone("0600000000")
                .setAddress(PostalAddress.newBuilder().setLine("1 avenue du Centre hospitalier").setPostalCode("31059")
                        .setCity("Toulouse").setRegion("76").setDepartment(null).build())
                .setOrganisationName("Centre hospitalier fictif").setServiceName("Urgences")
                .setDirectoryVisible(false).setPaperless(false)
                .build();
        IdentityVerified identity = IdentityVerified.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(accountId).setOccurredAt(submitted.plusSeconds(30))
                .setLastName("LE GALL").setFirstName("Yves").setProfession("60").setSpecialties(List.of())
                .setIdentifierType("FINESS").setIdentifier("310000013").setMailboxType("INT")
                .setStructureIdentifier("310000013").setSource("LIVE_DIRECTORY")
                .setActivities(List.of(DirectoryActivity.newBuilder().setStructureName("Centre hospitalier fictif")
                        .setFiness("310000013").setPostalCode("31059").setCity("Toulouse").setPracticeMode("S").build()))
                .build();
        MssAddressAssigned address = MssAddressAssigned.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(accountId).setOccurredAt(submitted.plusSeconds(45))
                .setAddress("yves.le-gall." + suffix + "@infirmier.oc.mssante.fr").setLocalPart("yves.le-gall." + suffix)
                .setDomain("infirmier.oc.mssante.fr").setMailboxType("INT")
                .build();
        return new Applicant(accountId, profile, identity, address);
    }
}
