package fr.esante.medimail.backoffice.directory.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fr.esante.medimail.backoffice.directory.DirectoryListing;
import fr.esante.medimail.backoffice.directory.DirectoryPublisher;
import fr.esante.medimail.events.DirectoryEntry;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.outbox.Outbox;

/** Entries and tombstones on {@code medimail.directory-entries.v1} through the outbox; key = the MSSante address. */
@Component
class OutboxDirectoryPublisher implements DirectoryPublisher {

    private final Outbox outbox;

    OutboxDirectoryPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(DirectoryListing listing, Instant at) {
        outbox.append(Topics.DIRECTORY_ENTRIES, listing.mssAddress(), entry(listing, at));
    }

    @Override
    public void withdraw(String mssAddress) {
        outbox.appendTombstone(Topics.DIRECTORY_ENTRIES, mssAddress);
    }

    static DirectoryEntry entry(DirectoryListing l, Instant at) {
        return DirectoryEntry.newBuilder()
                .setEventId(UUID.randomUUID())
                .setAccountId(l.accountId())
                .setOccurredAt(at)
                .setMssAddress(l.mssAddress())
                .setMailboxType(l.mailboxType())
                .setLastName(l.lastName())
                .setFirstName(l.firstName())
                .setProfession(l.profession())
                .setSpecialty(l.specialty())
                .setIdentifierType(l.identifierType())
                .setIdentifier(l.identifier())
                .setStructureIdentifier(l.structureIdentifier())
                .setLiberal(l.liberal())
                .setOrganisationName(l.organisationName())
                .setServiceName(l.serviceName())
                .setPhone(l.phone())
                .setSecondPhone(l.secondPhone())
                .setAddressLine(l.addressLine())
                .setPostalCode(l.postalCode())
                .setCity(l.city())
                .setRegion(l.region())
                .setDepartment(l.department())
                .setPaperless(l.paperless())
                .setValidatedAt(l.validatedAt())
                .build();
    }
}
