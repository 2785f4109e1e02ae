package fr.esante.medimail.registration.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.events.MssAddressAssigned;
import fr.esante.medimail.events.NameCorrectionRequested;
import fr.esante.medimail.events.NamesCorrected;
import fr.esante.medimail.events.StaffCorrectionRefused;
import fr.esante.medimail.registration.IntegrationTest;
import fr.esante.medimail.schemas.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Back-office staff correct a validated account's names (NameCorrectionRequested): the holder sees them, the status and
 * the MSSante address stay, and NamesCorrected carries what identity verification needs to check the identity again;
 * once, even when the request is delivered twice.
 */
class NameCorrectionIT extends IntegrationTest {

    @Test
    void aStaffCorrectionIsAppliedAndAnnouncedOnceAndTheHolderSeesTheNewNames() {
        String email = uniqueEmail("name-correction");
        UUID id = UUID.fromString(me(accountWithSubmittedProfile(email)).path("registrationId").asString());
        String address = validate(id, email);
        String token = signedInAfterValidation(email, id);
        String lastNameBefore = me(token).path("lastName").asString();

        NameCorrectionRequested request = correction(id, "Durand-Martin", "Jean-Pierre");
        feed(Topics.NAME_CORRECTION_REQUESTED, id, request.getEventId(), request);

        JsonNode me = me(token);
        assertThat(me.path("lastName").asString()).isEqualTo("Durand-Martin");
        assertThat(me.path("firstName").asString()).isEqualTo("Jean-Pierre");
        assertThat(me.path("status").asString()).as("the mailbox keeps working").isEqualTo("VALIDATED");
        assertThat(me.toString()).as("the address is never derived again").contains(address);

        NamesCorrected event = awaitEvent(Topics.NAMES_CORRECTED, id);
        assertThat(event.getLastName()).isEqualTo("Durand-Martin");
        assertThat(event.getFirstName()).isEqualTo("Jean-Pierre");
        assertThat(event.getPreviousLastName()).isEqualTo(lastNameBefore);
        assertThat(event.getEmail()).isEqualTo(email);
        assertThat(event.getPath()).isEqualTo("NATIONAL_ID");
        assertThat(event.getIdentifierType()).isEqualTo("RPPS");
        assertThat(event.getIdentifier()).isEqualTo("99800000012");
        assertThat(event.getProfession()).isEqualTo("10");
        assertThat(event.getMssAddress()).isEqualTo(address);
        assertThat(event.getCorrectedBy()).isEqualTo("chef");

        feed(Topics.NAME_CORRECTION_REQUESTED, id, request.getEventId(), request); // redelivered
        NameCorrectionRequested sameNamesAgain = correction(id, "Durand-Martin", "Jean-Pierre");
        feed(Topics.NAME_CORRECTION_REQUESTED, id, sameNamesAgain.getEventId(), sameNamesAgain);
        assertThat(eventsFor(Topics.NAMES_CORRECTED, id)).as("a redelivery or the same names again announce nothing")
                .isEqualTo(1);
        assertThat(eventsFor(Topics.STAFF_CORRECTION_REFUSED, id)).as("the same names again are no refusal").isZero();
    }

    @Test
    void namesTheRuleRefusesChangeNothingAndAreRefusedBackToTheBackOfficeOnce() {
        String email = uniqueEmail("name-correction-refused");
        UUID id = UUID.fromString(me(accountWithSubmittedProfile(email)).path("registrationId").asString());
        validate(id, email);
        String token = signedInAfterValidation(email, id);
        String lastNameBefore = me(token).path("lastName").asString();
        String firstNameBefore = me(token).path("firstName").asString();

        NameCorrectionRequested request = correction(id, " Durand ", "Jean2");
        feed(Topics.NAME_CORRECTION_REQUESTED, id, request.getEventId(), request);
        feed(Topics.NAME_CORRECTION_REQUESTED, id, request.getEventId(), request); // redelivered

        StaffCorrectionRefused refused = awaitEvent(Topics.STAFF_CORRECTION_REFUSED, id);
        assertThat(refused.getKind()).isEqualTo("NAMES");
        assertThat(refused.getReason()).isEqualTo("FIELD_NOT_ACCEPTABLE");
        assertThat(refused.getField()).isEqualTo("FIRST_NAME");
        assertThat(refused.getProblem()).isEqualTo("CHARACTERS");
        assertThat(refused.getRequestEventId()).isEqualTo(request.getEventId());
        assertThat(refused.getRequestedBy()).isEqualTo("chef");
        assertThat(me(token).path("lastName").asString()).isEqualTo(lastNameBefore);
        assertThat(me(token).path("firstName").asString()).isEqualTo(firstNameBefore);
        assertThat(eventsFor(Topics.NAMES_CORRECTED, id)).isZero();

        NameCorrectionRequested tooLong = correction(id, "D".repeat(101), "Jean");
        feed(Topics.NAME_CORRECTION_REQUESTED, id, tooLong.getEventId(), tooLong);
        // Handled after the redelivery (same key, same partition): 2, not 3, means the redelivery published nothing.
        assertThat(eventsFor(Topics.STAFF_CORRECTION_REFUSED, id)).as("the registration form's limit; the redelivery once")
                .isEqualTo(2);
        assertThat(eventsFor(Topics.NAMES_CORRECTED, id)).isZero();

        UUID unknown = UUID.randomUUID();
        NameCorrectionRequested forNoAccount = correction(unknown, "Dupont", "Paul");
        feed(Topics.NAME_CORRECTION_REQUESTED, unknown, forNoAccount.getEventId(), forNoAccount);
        assertThat(awaitEvent(Topics.STAFF_CORRECTION_REFUSED, unknown).getReason()).isEqualTo("ACCOUNT_UNKNOWN");
    }

    @Test
    void aCorrectionForAnAccountNotValidatedChangesNothingAndIsRefusedBack() {
        String email = uniqueEmail("name-correction-tot");
        String token = accountWithSubmittedProfile(email);
        UUID id = UUID.fromString(me(token).path("registrationId").asString());

        NameCorrectionRequested request = correction(id, "Dupont", "Paul");
        feed(Topics.NAME_CORRECTION_REQUESTED, id, request.getEventId(), request);

        assertThat(me(token).path("lastName").asString()).isNotEqualTo("Dupont");
        assertThat(eventsFor(Topics.NAMES_CORRECTED, id)).isZero();
        StaffCorrectionRefused refused = awaitEvent(Topics.STAFF_CORRECTION_REFUSED, id);
        assertThat(refused.getKind()).isEqualTo("NAMES");
        assertThat(refused.getReason()).isEqualTo("ACCOUNT_NOT_VALIDATED");
    }

    private static NameCorrectionRequested correction(UUID id, String lastName, String firstName) {
        return NameCorrectionRequested.newBuilder().setEventId(UUID.randomUUID()).setAccountId(id)
                .setOccurredAt(Instant.now()).setCorrectedBy("chef").setLastName(lastName).setFirstName(firstName)
                .setReason("Nom d'usage").build();
    }

    /** As the back office and mss-address-service announce a validation; returns the address. */
    private String validate(UUID id, String email) {
        String address = "n." + UUID.randomUUID().toString().substring(0, 8) + "@medecin.oc.mssante.fr";
        UUID assigned = UUID.randomUUID();
        feed(Topics.MSS_ADDRESS_ASSIGNED, id, assigned, MssAddressAssigned.newBuilder()
                .setEventId(assigned).setAccountId(id).setOccurredAt(Instant.now()).setAddress(address)
                .setLocalPart(address.substring(0, address.indexOf('@'))).setDomain("medecin.oc.mssante.fr")
                .setMailboxType("PER").build());
        UUID validated = UUID.randomUUID();
        feed(Topics.ACCOUNT_VALIDATED, id, validated, AccountValidated.newBuilder()
                .setEventId(validated).setAccountId(id).setOccurredAt(Instant.now())
                .setMssAddress(address).setMailboxType("PER").setLastName("DURAND").setFirstName("Jean").setEmail(email)
                .setProfession("10").setSpecialty("SM54").setIdentifierType("RPPS").setIdentifier("99800000012")
                .setLiberal(true).setRegion("76").setDepartment("31").setDirectoryVisible(true).setPaperless(true)
                .setValidatedAt(Instant.now()).setValidatedBy("agent").build());
        return address;
    }
}
