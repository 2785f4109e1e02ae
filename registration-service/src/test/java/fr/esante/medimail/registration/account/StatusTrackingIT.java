package fr.esante.medimail.registration.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.AccountClosed;
import fr.esante.medimail.events.AccountRejected;
import fr.esante.medimail.events.AccountStatusChanged;
import fr.esante.medimail.events.AccountReopened;
import fr.esante.medimail.events.IdentityRejected;
import fr.esante.medimail.events.MssAddressRefused;
import fr.esante.medimail.registration.IncomingEvents;
import fr.esante.medimail.registration.IntegrationTest;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.testsupport.payloads.ProfileSubmissions;
import tools.jackson.databind.JsonNode;

class StatusTrackingIT extends IntegrationTest {

    private static final String ADDRESS = "jean.durand@medecin.oc.mssante.fr";

    @Test
    void anIdentityRejectionIsExplainedInFrenchAndTheProfileCanBeResubmitted() {
        String token = accountWithSubmittedProfile(uniqueEmail("not-found"));
        UUID id = accountId(token);

        identityRejected(id, "NOT_FOUND");

        JsonNode me = me(token);
        assertThat(me.path("status").asString()).isEqualTo("IDENTITY_REJECTED");
        assertThat(me.path("rejectionCode").asString()).isEqualTo("NOT_FOUND");
        assertThat(me.path("rejectionReason").asString()).contains("annuaire santé national").doesNotContain("not found");
        // What the holder now sees is announced, with the French reason, for the e-mail that tells them.
        AccountStatusChanged announced = awaitEvent(Topics.ACCOUNT_STATUS_CHANGED, id);
        assertThat(announced.getChange()).isEqualTo("IDENTITY_REJECTED");
        assertThat(announced.getStatus()).isEqualTo("IDENTITY_REJECTED");
        assertThat(announced.getReasonCode()).isEqualTo("NOT_FOUND");
        assertThat(announced.getReason()).isEqualTo(me.path("rejectionReason").asString());
        assertThat(announced.getEmail()).isEqualTo(me.path("email").asString());

        Answer resubmitted = put("/api/v1/me/professional-profile", json(nationalIdProfile()), token);
        assertThat(resubmitted.status()).isEqualTo(202);
        JsonNode after = me(token);
        assertThat(after.path("status").asString()).isEqualTo("IDENTITY_CHECK_PENDING");
        assertThat(after.path("rejectionReason").isNull()).isTrue();
    }

    @Test
    void anAssignedAddressThenTheStaffValidationMakeTheAccountValidatedForGood() {
        String email = uniqueEmail("validated");
        String token = accountWithSubmittedProfile(email);
        UUID id = accountId(token);

        feed(Topics.MSS_ADDRESS_ASSIGNED, IncomingEvents.mssAddressAssigned(id, ADDRESS).build());
        JsonNode pending = me(token);
        assertThat(pending.path("status").asString()).isEqualTo("VALIDATION_PENDING");
        assertThat(pending.path("mssAddress").asString()).isEqualTo(ADDRESS);
        assertThat(pending.path("mailboxType").asString()).isEqualTo("PER");

        feed(Topics.ACCOUNT_VALIDATED, IncomingEvents.accountValidated(id, email).build());
        JsonNode me = me(token);
        assertThat(me.path("status").asString()).isEqualTo("VALIDATED");
        assertThat(me.path("mssAddress").asString()).isEqualTo(ADDRESS);

        // Late or stray events cannot move a validated account backwards.
        identityRejected(id, "NAME_MISMATCH");
        UUID rejected = UUID.randomUUID();
        feed(Topics.ACCOUNT_REJECTED, id, rejected, AccountRejected.newBuilder()
                .setEventId(rejected).setAccountId(id).setOccurredAt(Instant.now()).setEmail(email).setFirstName("Jean")
                .setReason("Trop tard").setRejectedBy("agent").build());
        assertThat(me(token).path("status").asString()).isEqualTo("VALIDATED");
        assertThat(me(token).path("rejectionReason").isNull()).isTrue();

        // A validated account's password step now leads to a one-time code; the session opened before validation
        // still follows the registration.
        Answer signedIn = signIn(email, PASSWORD);
        assertThat(signedIn.status()).isEqualTo(202);
        assertThat(signedIn.json().has("challengeId")).isTrue();
        assertThat(me(token).path("status").asString()).isEqualTo("VALIDATED");
    }

    @Test
    void anAddressRefusalOrAStaffRejectionStopsTheRegistrationWithAReasonUntilACorrectedProfileIsSubmitted() {
        String refusedToken = accountWithSubmittedProfile(uniqueEmail("unrepresentable"));
        UUID refused = accountId(refusedToken);
        UUID refusal = UUID.randomUUID();
        feed(Topics.MSS_ADDRESS_REFUSED, refused, refusal, MssAddressRefused.newBuilder()
                .setEventId(refusal).setAccountId(refused).setOccurredAt(Instant.now())
                .setReason("NAME_NOT_REPRESENTABLE").setDetail("name normalises to nothing").build());
        JsonNode refusedMe = me(refusedToken);
        assertThat(refusedMe.path("status").asString()).isEqualTo("REJECTED");
        assertThat(refusedMe.path("rejectionCode").asString()).isEqualTo("NAME_NOT_REPRESENTABLE");
        assertThat(refusedMe.path("rejectionReason").asString()).contains("centre de services");
        assertThat(put("/api/v1/me/professional-profile", json(nationalIdProfile()), refusedToken).status()).isEqualTo(202);
        assertThat(me(refusedToken).path("status").asString()).isEqualTo("IDENTITY_CHECK_PENDING");

        String email = uniqueEmail("staff-rejected");
        String rejectedToken = accountWithSubmittedProfile(email);
        UUID rejected = accountId(rejectedToken);
        feed(Topics.MSS_ADDRESS_ASSIGNED, IncomingEvents.mssAddressAssigned(rejected, "x." + ADDRESS).build());
        UUID rejection = UUID.randomUUID();
        feed(Topics.ACCOUNT_REJECTED, rejected, rejection, AccountRejected.newBuilder()
                .setEventId(rejection).setAccountId(rejected).setOccurredAt(Instant.now()).setEmail(email)
                .setFirstName("Jean").setReason("Le justificatif fourni est illisible.").setRejectedBy("agent").build());
        JsonNode rejectedMe = me(rejectedToken);
        assertThat(rejectedMe.path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejectedMe.path("rejectionReason").asString()).isEqualTo("Le justificatif fourni est illisible.");

        // The holder corrects the profile: the checks and the review start again, with the same address.
        Answer corrected = put("/api/v1/me/professional-profile", json(nationalIdProfile()), rejectedToken);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(202);
        assertThat(corrected.json().path("status").asString()).isEqualTo("IDENTITY_CHECK_PENDING");
        assertThat(outboxEvents(Topics.PROFESSIONAL_PROFILE_SUBMITTED.name(), rejected)).isEqualTo(2);
        feed(Topics.MSS_ADDRESS_ASSIGNED, IncomingEvents.mssAddressAssigned(rejected, "x." + ADDRESS).build());
        JsonNode again = me(rejectedToken);
        assertThat(again.path("status").asString()).isEqualTo("VALIDATION_PENDING");
        assertThat(again.path("rejectionReason").isNull()).isTrue();
    }

    @Test
    void aValidatedIntMailboxAddsItsRppsAndBecomesPerKeepingItsAddressWithoutANewValidation() {
        String email = uniqueEmail("interne");
        confirmedAccount(email);
        String token = accessToken(email);
        // The same practitioner as the national profile he adds later: only the path and identifier change.
        String intProfile = ProfileSubmissions.finess("310000013").withProfession("10").withSpecialty("SM54").json();
        assertThat(put("/api/v1/me/professional-profile", intProfile, token).status()).isEqualTo(202);
        UUID id = accountId(token);
        String intAddress = "int." + UUID.randomUUID().toString().substring(0, 8) + "@medecin.oc.mssante.fr";
        assigned(id, intAddress, "INT");
        feed(Topics.ACCOUNT_VALIDATED, IncomingEvents.accountValidated(id, email)
                .setMssAddress(intAddress).setMailboxType("INT").setIdentifierType("FINESS").setIdentifier("310000013").build());
        assertThat(me(token).path("mailboxType").asString()).isEqualTo("INT");
        token = signedInAfterValidation(email, id);

        Answer upgrade = put("/api/v1/me/professional-profile", json(nationalIdProfile()), token);
        assertThat(upgrade.status()).as(upgrade.body()).isEqualTo(202);
        assertThat(upgrade.json().path("status").asString()).as("the mailbox keeps working meanwhile").isEqualTo("VALIDATED");
        assertThat(outboxEvents(Topics.PROFESSIONAL_PROFILE_SUBMITTED.name(), id)).isEqualTo(2);

        assigned(id, intAddress, "PER");
        JsonNode me = me(token);
        assertThat(me.path("status").asString()).isEqualTo("VALIDATED");
        assertThat(me.path("mailboxType").asString()).isEqualTo("PER");
        assertThat(me.path("mssAddress").asString()).isEqualTo(intAddress);
        assertThat(me.path("profile").path("identifierType").asString()).isEqualTo("RPPS");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = :topic AND record_key = :key"
                        + " AND position(convert_to('MAILBOX_BECAME_PER', 'UTF8') IN payload) > 0")
                .param("topic", Topics.ACCOUNT_STATUS_CHANGED.name()).param("key", id.toString())
                .query(Integer.class).single()).as("the holder is told by e-mail").isEqualTo(1);

        Answer twice = put("/api/v1/me/professional-profile", json(nationalIdProfile()), token);
        assertThat(twice.status()).as("a PER account has nothing to upgrade").isEqualTo(409);
    }

    private void assigned(UUID accountId, String address, String mailboxType) {
        feed(Topics.MSS_ADDRESS_ASSIGNED, IncomingEvents.mssAddressAssigned(accountId, address).setMailboxType(mailboxType).build());
    }

    private int outboxEvents(String topic, UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = :topic AND record_key = :key")
                .param("topic", topic).param("key", accountId.toString()).query(Integer.class).single();
    }

    @Test
    void anIdentityRefusedByAReviewerShowsTheReviewersTextAndTheProfileCanBeResubmitted() {
        String token = accountWithSubmittedProfile(uniqueEmail("identity-refused"));
        UUID id = accountId(token);
        UUID eventId = UUID.randomUUID();
        String text = "Le nom saisi ne correspond pas à votre carte CPS : corrigez-le.";
        feed(Topics.IDENTITY_REJECTED, id, eventId, IdentityRejected.newBuilder()
                .setEventId(eventId).setAccountId(id).setOccurredAt(Instant.now())
                .setReason("REJECTED_BY_REVIEWER").setDetail(text).build());

        JsonNode me = me(token);
        assertThat(me.path("status").asString()).isEqualTo("IDENTITY_REJECTED");
        assertThat(me.path("rejectionCode").asString()).isEqualTo("REJECTED_BY_REVIEWER");
        assertThat(me.path("rejectionReason").asString()).contains("Motif : " + text);
        assertThat(put("/api/v1/me/professional-profile", json(nationalIdProfile()), token).status()).isEqualTo(202);
    }

    @Test
    void anEventAboutAnUnknownAccountIsIgnoredAndTheNextOnesAreStillHandled() {
        identityRejected(UUID.randomUUID(), "NOT_FOUND");

        String token = accountWithSubmittedProfile(uniqueEmail("after-unknown"));
        identityRejected(accountId(token), "SOMETHING_NEW");
        JsonNode me = me(token);
        assertThat(me.path("status").asString()).isEqualTo("IDENTITY_REJECTED");
        assertThat(me.path("rejectionReason").asString()).contains("n'a pas pu être vérifiée");
    }

    private UUID accountId(String token) {
        return UUID.fromString(me(token).path("registrationId").asString());
    }

    @Test
    void aValidatedAccountClosedByStaffShowsClosedUntilStaffReopenIt() {
        String email = uniqueEmail("closed");
        String token = accountWithSubmittedProfile(email);
        UUID id = accountId(token);
        UUID closedBeforeValidation = UUID.randomUUID();
        feed(Topics.ACCOUNT_CLOSED, id, closedBeforeValidation, accountClosed(closedBeforeValidation, id));
        assertThat(me(token).path("status").asString()).as("only a validated account closes").isEqualTo("IDENTITY_CHECK_PENDING");
        feed(Topics.ACCOUNT_VALIDATED, IncomingEvents.accountValidated(id, email).build());

        UUID closed = UUID.randomUUID();
        feed(Topics.ACCOUNT_CLOSED, id, closed, accountClosed(closed, id));

        JsonNode me = me(token);
        assertThat(me.path("status").asString()).isEqualTo("CLOSED");
        assertThat(me.path("mssAddress").asString()).isEqualTo(ADDRESS);
        Answer resubmitted = put("/api/v1/me/professional-profile", json(nationalIdProfile()), token);
        assertThat(resubmitted.status()).isEqualTo(409);
        assertThat(resubmitted.json().path("detail").asString()).contains("clôturé");

        UUID reopened = UUID.randomUUID();
        feed(Topics.ACCOUNT_REOPENED, id, reopened, AccountReopened.newBuilder().setEventId(reopened).setAccountId(id)
                .setOccurredAt(Instant.now()).setReopenedBy("chef").build());
        assertThat(me(token).path("status").asString()).isEqualTo("VALIDATED");
        assertThat(me(token).path("mssAddress").asString()).isEqualTo(ADDRESS);
    }

    private static AccountClosed accountClosed(UUID eventId, UUID accountId) {
        return AccountClosed.newBuilder().setEventId(eventId).setAccountId(accountId).setOccurredAt(Instant.now())
                .setMssAddress(ADDRESS).setReason("Cessation d'activité.").setClosedBy("chef").build();
    }

    private void identityRejected(UUID accountId, String reason) {
        UUID eventId = UUID.randomUUID();
        feed(Topics.IDENTITY_REJECTED, accountId, eventId, IdentityRejected.newBuilder()
                .setEventId(eventId).setAccountId(accountId).setOccurredAt(Instant.now())
                .setReason(reason).setDetail("detail in English for staff").build());
    }
}
