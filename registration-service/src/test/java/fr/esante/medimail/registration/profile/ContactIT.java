package fr.esante.medimail.registration.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.events.ContactCorrectionRequested;
import fr.esante.medimail.events.ContactDetailsChanged;
import fr.esante.medimail.events.MssAddressAssigned;
import fr.esante.medimail.events.StaffCorrectionRefused;
import fr.esante.medimail.registration.IntegrationTest;
import fr.esante.medimail.schemas.Topics;
import tools.jackson.databind.JsonNode;

/**
 * PATCH /api/v1/me/contact: contact details, directory visibility and paperless choice of a validated account; and the
 * same details corrected by back-office staff (ContactCorrectionRequested).
 */
class ContactIT extends IntegrationTest {

    private static final String CONTACT = "/api/v1/me/contact";

    @Test
    void aValidatedAccountChangesItsContactDetailsAndTheWholeNewStateIsPublished() {
        String email = uniqueEmail("contact");
        UUID id = UUID.fromString(me(accountWithSubmittedProfile(email)).path("registrationId").asString());
        validate(id, email);
        String token = signedInAfterValidation(email, id);

        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line", "2 place du Capitole");
        address.put("postalCode", "31000");
        address.put("city", "Toulouse");
        address.put("region", "76");
        address.put("department", "31");
        Answer changed = patch(json(Map.of("secondPhone", "06 12 34 56 78", "address", address,
                "directoryVisible", false)), token);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode profile = changed.json();
        assertThat(profile.path("phone").asString()).as("unchanged").isEqualTo("0561000000");
        assertThat(profile.path("secondPhone").asString()).isEqualTo("0612345678");
        assertThat(profile.path("address").path("line").asString()).isEqualTo("2 place du Capitole");
        assertThat(profile.path("directoryVisible").asBoolean()).isFalse();
        assertThat(profile.path("paperless").asBoolean()).as("unchanged").isTrue();
        assertThat(profile.path("identifier").asString()).isEqualTo("99800000012");
        assertThat(me(token).path("profile").path("address").path("postalCode").asString()).isEqualTo("31000");

        ContactDetailsChanged event = awaitEvent(Topics.CONTACT_DETAILS_CHANGED, id);
        assertThat(event.getPhone()).isEqualTo("0561000000");
        assertThat(event.getSecondPhone()).isEqualTo("0612345678");
        assertThat(event.getAddressLine()).isEqualTo("2 place du Capitole");
        assertThat(event.getPostalCode()).isEqualTo("31000");
        assertThat(event.getRegion()).isEqualTo("76");
        assertThat(event.getDepartment()).isEqualTo("31");
        assertThat(event.getDirectoryVisible()).isFalse();
        assertThat(event.getPaperless()).isTrue();

        Answer removed = patch(json(Map.of("secondPhone", "", "paperless", false)), token);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().path("secondPhone").isNull()).isTrue();
        assertThat(removed.json().path("paperless").asBoolean()).isFalse();
        assertThat(removed.json().path("directoryVisible").asBoolean()).isFalse();
    }

    @Test
    void invalidFieldsAreRefusedInFrenchAndNothingChanges() {
        String email = uniqueEmail("contact-invalide");
        UUID id = UUID.fromString(me(accountWithSubmittedProfile(email)).path("registrationId").asString());
        validate(id, email);
        String token = signedInAfterValidation(email, id);

        Answer answer = patch(json(Map.of("phone", "12", "address", Map.of("line", "", "postalCode", "3100",
                "city", "Toulouse", "region", "76"))), token);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.fieldCodes()).containsExactlyInAnyOrder("phone:INVALID_FORMAT", "address.line:REQUIRED",
                "address.postalCode:INVALID_FORMAT");
        assertThat(answer.json().path("errors").get(0).path("message").asString()).isNotBlank();
        assertThat(me(token).path("profile").path("phone").asString()).isEqualTo("0561000000");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = :topic AND record_key = :key")
                .param("topic", Topics.CONTACT_DETAILS_CHANGED.name()).param("key", id.toString())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anAccountNotYetValidatedIsRefusedWith409AndAnonymousCallersWith401() {
        String token = accountWithSubmittedProfile(uniqueEmail("contact-trop-tot"));
        Answer early = patch(json(Map.of("phone", "0561000001")), token);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("code").asString()).isEqualTo("ACCOUNT_NOT_VALIDATED");
        assertThat(early.json().path("detail").asString()).contains("compte");

        assertThat(patch(json(Map.of("phone", "0561000001")), null).status()).isEqualTo(401);
    }

    @Test
    void aStaffCorrectionIsAppliedAndPublishedWholeAndOneForAnAccountNotValidatedChangesNothing() {
        String email = uniqueEmail("contact-correction");
        UUID id = UUID.fromString(me(accountWithSubmittedProfile(email)).path("registrationId").asString());
        validate(id, email);
        String token = signedInAfterValidation(email, id);

        UUID eventId = UUID.randomUUID();
        feed(Topics.CONTACT_CORRECTION_REQUESTED, id, eventId, ContactCorrectionRequested.newBuilder()
                .setEventId(eventId).setAccountId(id).setOccurredAt(Instant.now()).setCorrectedBy("chef")
                .setPhone("+33 5 62 11 22 33").setAddressLine("2 place du Capitole").setPostalCode("31000").setCity("Toulouse")
                .setRegion("76").setDepartment("31").build());

        JsonNode profile = me(token).path("profile");
        assertThat(profile.path("phone").asString()).as("normalised here, owner of the rule").isEqualTo("0562112233");
        assertThat(profile.path("address").path("line").asString()).isEqualTo("2 place du Capitole");
        assertThat(profile.path("directoryVisible").asBoolean()).as("unchanged").isTrue();
        ContactDetailsChanged event = awaitEvent(Topics.CONTACT_DETAILS_CHANGED, id);
        assertThat(event.getPhone()).isEqualTo("0562112233");
        assertThat(event.getPostalCode()).isEqualTo("31000");
        assertThat(event.getDirectoryVisible()).isTrue();

        UUID sameAgain = UUID.randomUUID();
        feed(Topics.CONTACT_CORRECTION_REQUESTED, id, sameAgain, ContactCorrectionRequested.newBuilder()
                .setEventId(sameAgain).setAccountId(id).setOccurredAt(Instant.now()).setCorrectedBy("chef")
                .setPhone("05 62 11 22 33").build());
        UUID next = UUID.randomUUID();
        feed(Topics.CONTACT_CORRECTION_REQUESTED, id, next, ContactCorrectionRequested.newBuilder()
                .setEventId(next).setAccountId(id).setOccurredAt(Instant.now()).setCorrectedBy("chef")
                .setPhone("0562112244").build());
        assertThat(me(token).path("profile").path("phone").asString()).isEqualTo("0562112244");
        assertThat(eventsFor(Topics.CONTACT_DETAILS_CHANGED, id)).as("the same phone typed with blanks changes nothing")
                .isEqualTo(2);

        String pendingEmail = uniqueEmail("contact-correction-tot");
        String pendingToken = accountWithSubmittedProfile(pendingEmail);
        UUID pending = UUID.fromString(me(pendingToken).path("registrationId").asString());
        UUID ignored = UUID.randomUUID();
        feed(Topics.CONTACT_CORRECTION_REQUESTED, pending, ignored, ContactCorrectionRequested.newBuilder()
                .setEventId(ignored).setAccountId(pending).setOccurredAt(Instant.now()).setCorrectedBy("chef")
                .setPhone("0562112233").build());
        assertThat(me(pendingToken).path("profile").path("phone").asString()).isEqualTo("0561000000");
        assertThat(eventsFor(Topics.CONTACT_DETAILS_CHANGED, pending)).isZero();
        StaffCorrectionRefused refused = awaitEvent(Topics.STAFF_CORRECTION_REFUSED, pending);
        assertThat(refused.getKind()).isEqualTo("CONTACT");
        assertThat(refused.getReason()).isEqualTo("ACCOUNT_NOT_VALIDATED");
        assertThat(refused.getRequestEventId()).isEqualTo(ignored);
    }

    @Test
    void aStaffCorrectionTheRulesRefuseChangesNothingAndIsRefusedBackToTheBackOfficeOnce() {
        String email = uniqueEmail("contact-correction-refused");
        UUID id = UUID.fromString(me(accountWithSubmittedProfile(email)).path("registrationId").asString());
        validate(id, email);
        String token = signedInAfterValidation(email, id);

        ContactCorrectionRequested request = ContactCorrectionRequested.newBuilder().setEventId(UUID.randomUUID())
                .setAccountId(id).setOccurredAt(Instant.now()).setCorrectedBy("chef").setPhone("0562112233")
                .setAddressLine("2 place du Capitole").setPostalCode("314").setCity("Toulouse").setRegion("76").build();
        feed(Topics.CONTACT_CORRECTION_REQUESTED, id, request.getEventId(), request);
        feed(Topics.CONTACT_CORRECTION_REQUESTED, id, request.getEventId(), request); // redelivered

        StaffCorrectionRefused refused = awaitEvent(Topics.STAFF_CORRECTION_REFUSED, id);
        assertThat(refused.getKind()).isEqualTo("CONTACT");
        assertThat(refused.getReason()).isEqualTo("FIELD_NOT_ACCEPTABLE");
        assertThat(refused.getField()).isEqualTo("POSTAL_CODE");
        assertThat(refused.getProblem()).isEqualTo("FORMAT");
        assertThat(refused.getRequestEventId()).isEqualTo(request.getEventId());
        assertThat(refused.getRequestedBy()).isEqualTo("chef");
        ContactCorrectionRequested again = ContactCorrectionRequested.newBuilder(request).setEventId(UUID.randomUUID()).build();
        feed(Topics.CONTACT_CORRECTION_REQUESTED, id, again.getEventId(), again);
        // Handled after the redelivery (same key, same partition): 2, not 3, means the redelivery published nothing.
        assertThat(eventsFor(Topics.STAFF_CORRECTION_REFUSED, id)).as("one per request, though delivered twice").isEqualTo(2);
        JsonNode profile = me(token).path("profile");
        assertThat(profile.path("phone").asString()).as("nothing of a refused correction applies").isEqualTo("0561000000");
        assertThat(profile.path("address").path("postalCode").asString()).isEqualTo("31400");
        assertThat(eventsFor(Topics.CONTACT_DETAILS_CHANGED, id)).isZero();
    }

    private Answer patch(String body, String token) {
        return send(request(CONTACT, token).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private void validate(UUID id, String email) {
        String address = "c." + UUID.randomUUID().toString().substring(0, 8) + "@medecin.oc.mssante.fr";
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
    }
}
