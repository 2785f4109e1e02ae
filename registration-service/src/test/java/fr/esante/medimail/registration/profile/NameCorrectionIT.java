package fr.esante.medimail.registration.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.NameCorrectionRequested;
import fr.esante.medimail.events.NamesCorrected;
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
        String address = validatedWithNewAddress(id, email);
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
    }

    @Test
    void aCorrectionForAnAccountNotValidatedChangesNothing() {
        String email = uniqueEmail("name-correction-tot");
        String token = accountWithSubmittedProfile(email);
        UUID id = UUID.fromString(me(token).path("registrationId").asString());

        NameCorrectionRequested request = correction(id, "Dupont", "Paul");
        feed(Topics.NAME_CORRECTION_REQUESTED, id, request.getEventId(), request);

        assertThat(me(token).path("lastName").asString()).isNotEqualTo("Dupont");
        assertThat(eventsFor(Topics.NAMES_CORRECTED, id)).isZero();
    }

    private static NameCorrectionRequested correction(UUID id, String lastName, String firstName) {
        return NameCorrectionRequested.newBuilder().setEventId(UUID.randomUUID()).setAccountId(id)
                .setOccurredAt(Instant.now()).setCorrectedBy("chef").setLastName(lastName).setFirstName(firstName)
                .setReason("Nom d'usage").build();
    }
}
