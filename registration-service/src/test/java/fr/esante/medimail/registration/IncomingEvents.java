package fr.esante.medimail.registration;

import java.time.Instant;
import java.util.UUID;

import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.events.MssAddressAssigned;

/**
 * The events this service receives, as their producers publish them, for Jean DURAND of the fictional directory
 * (shared/reference/test-identities.md). Avro builders, so that a test overrides any field before {@code build()}.
 */
public final class IncomingEvents {

    private IncomingEvents() {
    }

    /** backoffice-service's validation of Jean DURAND's PER mailbox (RPPS 99800000012, general practitioner). */
    public static AccountValidated.Builder accountValidated(UUID accountId, String email) {
        return AccountValidated.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(accountId).setOccurredAt(Instant.now())
                .setMssAddress("jean.durand@medecin.oc.mssante.fr").setMailboxType("PER").setLastName("DURAND")
                .setFirstName("Jean").setEmail(email).setProfession("10").setSpecialty("SM54").setIdentifierType("RPPS")
                .setIdentifier("99800000012").setLiberal(true).setRegion("76").setDepartment("31")
                .setDirectoryVisible(true).setPaperless(true).setValidatedAt(Instant.now()).setValidatedBy("agent");
    }

    /** mss-address-service's assignment of this address (local part and domain taken from it) to a PER mailbox. */
    public static MssAddressAssigned.Builder mssAddressAssigned(UUID accountId, String address) {
        int at = address.indexOf('@');
        return MssAddressAssigned.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(accountId).setOccurredAt(Instant.now())
                .setAddress(address).setLocalPart(address.substring(0, at)).setDomain(address.substring(at + 1))
                .setMailboxType("PER");
    }
}
