package fr.esante.medimail.registration.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.AccountClosed;
import fr.esante.medimail.events.AccountRejected;
import fr.esante.medimail.events.AccountReopened;
import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.events.IdentityRejected;
import fr.esante.medimail.events.MssAddressAssigned;
import fr.esante.medimail.events.MssAddressRefused;
import fr.esante.medimail.registration.IntegrationTest;
import fr.esante.medimail.schemas.Topics;
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

        UUID assigned = UUID.randomUUID();
        feed(Topics.MSS_ADDRESS_ASSIGNED, id, assigned, MssAddressAssigned.newBuilder()
                .setEventId(assigned).setAccountId(id).setOccurredAt(Instant.now())
                .setAddress(ADDRESS).setLocalPart("jean.durand").setDomain("medecin.oc.mssante.fr").setMailboxType("PER")
                .build());
        JsonNode pending = me(token);
        assertThat(pending.path("status").asString()).isEqualTo("VALIDATION_PENDING");
        assertThat(pending.path("mssAddress").asString()).isEqualTo(ADDRESS);
        assertThat(pending.path("mailboxType").asString()).isEqualTo("PER");

        UUID validated = UUID.randomUUID();
        feed(Topics.ACCOUNT_VALIDATED, id, validated, accountValidated(validated, id, email));
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

        // Until the one-time code by e-mail exists, a validated account signs in like the others.
        Answer signedIn = signIn(email, PASSWORD);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.json().path("accountStatus").asString()).isEqualTo("VALIDATED");
    }

    @Test
    void anAddressRefusalOrAStaffRejectionStopsTheRegistrationWithAReason() {
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
        assertThat(put("/api/v1/me/professional-profile", json(nationalIdProfile()), refusedToken).status()).isEqualTo(409);

        String email = uniqueEmail("staff-rejected");
        String rejectedToken = accountWithSubmittedProfile(email);
        UUID rejected = accountId(rejectedToken);
        UUID assigned = UUID.randomUUID();
        feed(Topics.MSS_ADDRESS_ASSIGNED, rejected, assigned, MssAddressAssigned.newBuilder()
                .setEventId(assigned).setAccountId(rejected).setOccurredAt(Instant.now())
                .setAddress("x." + ADDRESS).setLocalPart("x.jean.durand").setDomain("medecin.oc.mssante.fr").setMailboxType("PER")
                .build());
        UUID rejection = UUID.randomUUID();
        feed(Topics.ACCOUNT_REJECTED, rejected, rejection, AccountRejected.newBuilder()
                .setEventId(rejection).setAccountId(rejected).setOccurredAt(Instant.now()).setEmail(email)
                .setFirstName("Jean").setReason("Le justificatif fourni est illisible.").setRejectedBy("agent").build());
        JsonNode rejectedMe = me(rejectedToken);
        assertThat(rejectedMe.path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejectedMe.path("rejectionReason").asString()).isEqualTo("Le justificatif fourni est illisible.");
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
        UUID validated = UUID.randomUUID();
        feed(Topics.ACCOUNT_VALIDATED, id, validated, accountValidated(validated, id, email));

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

    private static AccountValidated accountValidated(UUID eventId, UUID accountId, String email) {
        return AccountValidated.newBuilder()
                .setEventId(eventId).setAccountId(accountId).setOccurredAt(Instant.now())
                .setMssAddress(ADDRESS).setMailboxType("PER").setLastName("DURAND").setFirstName("Jean").setEmail(email)
                .setProfession("10").setSpecialty("SM54").setIdentifierType("RPPS").setIdentifier("99800000012")
                .setLiberal(true).setRegion("76").setDepartment("31").setDirectoryVisible(true).setPaperless(true)
                .setValidatedAt(Instant.now()).setValidatedBy("agent")
                .build();
    }
}
