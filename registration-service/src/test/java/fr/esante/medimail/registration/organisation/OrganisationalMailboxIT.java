package fr.esante.medimail.registration.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.OrganisationalAddressAssigned;
import fr.esante.medimail.events.OrganisationalMailboxClosed;
import fr.esante.medimail.events.OrganisationalMailboxDecided;
import fr.esante.medimail.events.OrganisationalMailboxMemberAdded;
import fr.esante.medimail.events.OrganisationalMailboxMemberRemoved;
import fr.esante.medimail.events.OrganisationalMailboxRequested;
import fr.esante.medimail.events.OrganisationalStructureChecked;
import fr.esante.medimail.registration.IntegrationTest;
import fr.esante.medimail.schemas.Topics;
import tools.jackson.databind.JsonNode;

/** The requester's side of organisational mailboxes: request, follow, add and remove members, closure; refusals in French. */
class OrganisationalMailboxIT extends IntegrationTest {

    private static final String PATH = "/api/v1/me/organisational-mailboxes";

    @Test
    void aValidatedAccountRequestsAnOrgMailboxFollowsItAndAddsAMemberOnceApproved() {
        String email = uniqueEmail("org-titulaire");
        UUID owner = validatedAccount(email);
        String token = signedInAfterValidation(email, owner);

        Answer requested = post(PATH, json(Map.of("label", "Secrétariat cardiologie", "structureIdentifierType", "FINESS",
                "structureIdentifier", "310000013", "purpose", "Échanges avec les correspondants du service")), token);

        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(requested.json().path("status").asString()).isEqualTo("VALIDATION_PENDING");
        UUID requestId = UUID.fromString(requested.json().path("requestId").asString());
        OrganisationalMailboxRequested event = awaitEvent(Topics.ORGANISATIONAL_MAILBOX_REQUESTED, owner);
        assertThat(event.getRequestId()).isEqualTo(requestId);
        assertThat(event.getRequesterEmail()).isEqualTo(email);
        assertThat(event.getRequesterRegistrationId()).isEqualTo(owner.toString());
        assertThat(event.getStructureIdentifier()).isEqualTo("310000013");

        String address = "secretariat-cardiologie@finess-310000013.oc.mssante.fr";
        UUID assigned = UUID.randomUUID();
        feed(Topics.ORGANISATIONAL_ADDRESS_ASSIGNED, owner, assigned, OrganisationalAddressAssigned.newBuilder()
                .setEventId(assigned).setAccountId(owner).setOccurredAt(Instant.now()).setRequestId(requestId)
                .setLabel(event.getLabel()).setStructureIdentifierType("FINESS").setStructureIdentifier("310000013")
                .setPurpose(event.getPurpose()).setRequesterRegistrationId(owner.toString()).setRequesterLastName("DURAND")
                .setRequesterFirstName("Jean").setRequesterEmail(email).setAddress(address).build());
        JsonNode pending = get(PATH, token).json().get(0);
        assertThat(pending.path("status").asString()).isEqualTo("VALIDATION_PENDING");
        assertThat(pending.path("address").asString()).isEqualTo(address);
        assertThat(pending.path("label").asString()).isEqualTo("Secrétariat cardiologie");

        String memberEmail = uniqueEmail("org-membre");
        UUID member = validatedAccount(memberEmail);
        Answer tooEarly = post(PATH + "/" + requestId + "/members", json(Map.of("email", memberEmail)), token);
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().path("code").asString()).isEqualTo("ORG_MAILBOX_NOT_VALIDATED");

        decide(owner, requestId, true, address, null);
        assertThat(get(PATH, token).json().get(0).path("status").asString()).isEqualTo("VALIDATED");

        Answer added = post(PATH + "/" + requestId + "/members", json(Map.of("email", memberEmail)), token);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().path("members").get(0).asString()).isEqualTo(memberEmail);
        OrganisationalMailboxMemberAdded memberAdded = awaitEvent(Topics.ORGANISATIONAL_MAILBOX_MEMBER_ADDED, owner);
        assertThat(memberAdded.getMemberAccountId()).isEqualTo(member);
        assertThat(memberAdded.getAddress()).isEqualTo(address);

        Answer again = post(PATH + "/" + requestId + "/members", json(Map.of("email", memberEmail)), token);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asString()).isEqualTo("ALREADY_MEMBER");

        // The member sees the mailbox, but may not give access to it.
        String memberToken = signedInAfterValidation(memberEmail, member);
        JsonNode shared = get(PATH, memberToken).json().get(0);
        assertThat(shared.path("address").asString()).isEqualTo(address);
        assertThat(shared.path("owner").asBoolean()).isFalse();
        Answer byMember = post(PATH + "/" + requestId + "/members", json(Map.of("email", email)), memberToken);
        assertThat(byMember.status()).isEqualTo(403);
        assertThat(byMember.json().path("code").asString()).isEqualTo("NOT_ORG_MAILBOX_OWNER");
    }

    @Test
    void strangersUnknownIdsAndUnknownMembersGetProblemsAndNothingIsWritten() {
        String email = uniqueEmail("org-refus");
        UUID owner = validatedAccount(email);
        String token = signedInAfterValidation(email, owner);
        UUID requestId = UUID.fromString(post(PATH, json(Map.of("label", "Accueil", "structureIdentifierType", "SIRET",
                "structureIdentifier", "73282932000074", "purpose", "Accueil")), token).json().path("requestId").asString());
        decide(owner, requestId, true, "accueil@siret-73282932000074.oc.mssante.fr", null);

        Answer unknownMember = post(PATH + "/" + requestId + "/members", json(Map.of("email", uniqueEmail("inconnu"))), token);
        assertThat(unknownMember.status()).isEqualTo(422);
        assertThat(unknownMember.fieldCodes()).containsExactly("email:MEMBER_NOT_FOUND");

        Answer unknownId = post(PATH + "/" + UUID.randomUUID() + "/members", json(Map.of("email", email)), token);
        assertThat(unknownId.status()).isEqualTo(404);
        assertThat(unknownId.contentType()).startsWith("application/problem+json");
        assertThat(unknownId.json().path("code").asString()).isEqualTo("ORG_MAILBOX_NOT_FOUND");

        String strangerEmail = uniqueEmail("org-etranger");
        UUID stranger = validatedAccount(strangerEmail);
        String strangerToken = signedInAfterValidation(strangerEmail, stranger);
        Answer byStranger = post(PATH + "/" + requestId + "/members", json(Map.of("email", strangerEmail)), strangerToken);
        assertThat(byStranger.status()).as("a stranger does not learn that the mailbox exists").isEqualTo(404);
        assertThat(get(PATH, strangerToken).json().size()).isZero();
        assertThat(eventsFor(Topics.ORGANISATIONAL_MAILBOX_MEMBER_ADDED, owner)).isZero();
        assertThat(eventsFor(Topics.ORGANISATIONAL_MAILBOX_MEMBER_ADDED, stranger)).isZero();
    }

    @Test
    void invalidFieldsAreRefusedInFrenchWithStableCodesAndNothingIsWritten() {
        String email = uniqueEmail("org-champs");
        UUID owner = validatedAccount(email);
        String token = signedInAfterValidation(email, owner);

        Answer answer = post(PATH, json(Map.of("label", "<script>", "structureIdentifierType", "FINESS",
                "structureIdentifier", "", "purpose", "x".repeat(501))), token);
        Answer wrongType = post(PATH, json(Map.of("label", "Accueil", "structureIdentifierType", "RPPS",
                "structureIdentifier", "10000001916", "purpose", "Accueil")), token);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.fieldCodes()).containsExactlyInAnyOrder("label:INVALID_FORMAT", "structureIdentifier:REQUIRED",
                "purpose:TOO_LONG");
        assertThat(answer.body()).contains("Le libellé ne peut contenir que des lettres");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.fieldCodes()).singleElement().asString().startsWith("structureIdentifierType:");
        assertThat(get(PATH, token).json().size()).isZero();
        assertThat(eventsFor(Topics.ORGANISATIONAL_MAILBOX_REQUESTED, owner)).isZero();
    }

    @Test
    void anAccountNotYetValidatedMayNotRequestAndARefusedStructureIsShownInFrench() {
        String pendingToken = accountWithSubmittedProfile(uniqueEmail("org-trop-tot"));
        Answer early = post(PATH, json(Map.of("label", "Accueil", "structureIdentifierType", "FINESS",
                "structureIdentifier", "310000013", "purpose", "Accueil")), pendingToken);
        assertThat(early.status()).isEqualTo(403);
        assertThat(early.json().path("code").asString()).isEqualTo("ACCOUNT_NOT_VALIDATED");
        assertThat(get(PATH, null).status()).isEqualTo(401);

        String email = uniqueEmail("org-cle");
        UUID owner = validatedAccount(email);
        String token = signedInAfterValidation(email, owner);
        UUID requestId = UUID.fromString(post(PATH, json(Map.of("label", "Accueil", "structureIdentifierType", "FINESS",
                "structureIdentifier", "310000014", "purpose", "Accueil")), token).json().path("requestId").asString());
        UUID checked = UUID.randomUUID();
        feed(Topics.ORGANISATIONAL_STRUCTURE_CHECKED, owner, checked, OrganisationalStructureChecked.newBuilder()
                .setEventId(checked).setAccountId(owner).setOccurredAt(Instant.now()).setRequestId(requestId)
                .setLabel("Accueil").setStructureIdentifierType("FINESS").setStructureIdentifier("310000014")
                .setPurpose("Accueil").setRequesterRegistrationId(owner.toString()).setRequesterLastName("DURAND")
                .setRequesterFirstName("Jean").setRequesterEmail(email).setAccepted(false).setReason("INVALID_CHECK_DIGIT")
                .setDetail("Le numéro de la structure n'est pas valide : sa clé de contrôle est incorrecte.").build());

        JsonNode refused = get(PATH, token).json().get(0);
        assertThat(refused.path("status").asString()).isEqualTo("REJECTED");
        assertThat(refused.path("rejectionReason").asString()).contains("clé de contrôle");
    }

    @Test
    void theOwnerRemovesAMemberWhoLosesAccessAndIsAnnouncedOnce() {
        String email = uniqueEmail("org-retrait");
        UUID owner = validatedAccount(email);
        String token = signedInAfterValidation(email, owner);
        String address = "retrait@finess-310000013.oc.mssante.fr";
        UUID requestId = approvedMailbox(owner, token, address);
        String memberEmail = uniqueEmail("org-retire");
        UUID member = validatedAccount(memberEmail);
        String memberToken = signedInAfterValidation(memberEmail, member);
        assertThat(post(PATH + "/" + requestId + "/members", json(Map.of("email", memberEmail)), token).status()).isEqualTo(200);

        Answer byMember = delete(PATH + "/" + requestId + "/members/" + email, memberToken);
        assertThat(byMember.status()).isEqualTo(403);
        assertThat(byMember.json().path("code").asString()).isEqualTo("NOT_ORG_MAILBOX_OWNER");
        assertThat(byMember.json().path("detail").asString()).isEqualTo("Seul le titulaire de la boîte organisationnelle peut retirer un accès.");

        // The e-mail as the owner types it, whatever its case.
        Answer removed = delete(PATH + "/" + requestId + "/members/" + memberEmail.toUpperCase(java.util.Locale.ROOT), token);

        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().path("members").size()).isZero();
        OrganisationalMailboxMemberRemoved event = awaitEvent(Topics.ORGANISATIONAL_MAILBOX_MEMBER_REMOVED, owner);
        assertThat(event.getMemberAccountId()).isEqualTo(member);
        assertThat(event.getMemberEmail()).isEqualTo(memberEmail);
        assertThat(event.getAddress()).isEqualTo(address);
        assertThat(get(PATH, memberToken).json().size()).as("the former member no longer sees the mailbox").isZero();

        Answer twice = delete(PATH + "/" + requestId + "/members/" + memberEmail, token);
        assertThat(twice.status()).isEqualTo(404);
        assertThat(twice.json().path("code").asString()).isEqualTo("NOT_A_MEMBER");
        assertThat(twice.json().path("detail").asString()).isEqualTo("Ce professionnel n'a pas accès à cette boîte organisationnelle.");
        Answer unknownMailbox = delete(PATH + "/" + UUID.randomUUID() + "/members/" + memberEmail, token);
        assertThat(unknownMailbox.status()).isEqualTo(404);
        assertThat(unknownMailbox.json().path("code").asString()).isEqualTo("ORG_MAILBOX_NOT_FOUND");
        assertThat(eventsFor(Topics.ORGANISATIONAL_MAILBOX_MEMBER_REMOVED, owner)).as("refusals publish nothing").isEqualTo(1);
    }

    @Test
    void aMailboxStaffClosedIsShownClosedToItsOwnerAndMembersAndItsMembersNoLongerChange() {
        String email = uniqueEmail("org-fermee");
        UUID owner = validatedAccount(email);
        String token = signedInAfterValidation(email, owner);
        UUID requestId = approvedMailbox(owner, token, "fermee@finess-310000013.oc.mssante.fr");
        String memberEmail = uniqueEmail("org-fermee-membre");
        UUID member = validatedAccount(memberEmail);
        String memberToken = signedInAfterValidation(memberEmail, member);
        assertThat(post(PATH + "/" + requestId + "/members", json(Map.of("email", memberEmail)), token).status()).isEqualTo(200);

        UUID closedEvent = UUID.randomUUID();
        OrganisationalMailboxClosed closed = OrganisationalMailboxClosed.newBuilder().setEventId(closedEvent)
                .setAccountId(owner).setOccurredAt(Instant.now()).setRequestId(requestId)
                .setAddress("fermee@finess-310000013.oc.mssante.fr").setLabel("Accueil").setRequesterEmail(email)
                .setRequesterLastName("DURAND").setRequesterFirstName("Jean").build();
        feed(Topics.ORGANISATIONAL_MAILBOX_CLOSED, owner, closedEvent, closed);
        // Redelivered, and announced again under another id (a replay): nothing more changes.
        feed(Topics.ORGANISATIONAL_MAILBOX_CLOSED, owner, closedEvent, closed);
        UUID replay = UUID.randomUUID();
        closed.setEventId(replay);
        feed(Topics.ORGANISATIONAL_MAILBOX_CLOSED, owner, replay, closed);

        assertThat(get(PATH, token).json().get(0).path("status").asString()).isEqualTo("CLOSED");
        assertThat(get(PATH, memberToken).json().get(0).path("status").asString()).isEqualTo("CLOSED");
        Answer add = post(PATH + "/" + requestId + "/members", json(Map.of("email", uniqueEmail("org-tard"))), token);
        Answer remove = delete(PATH + "/" + requestId + "/members/" + memberEmail, token);
        for (Answer refused : java.util.List.of(add, remove)) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("code").asString()).isEqualTo("ORG_MAILBOX_CLOSED");
            assertThat(refused.json().path("detail").asString()).contains("fermée par le centre de services");
        }
        assertThat(get(PATH, token).json().get(0).path("members").get(0).asString()).isEqualTo(memberEmail);
        assertThat(eventsFor(Topics.ORGANISATIONAL_MAILBOX_MEMBER_REMOVED, owner)).isZero();
    }

    private UUID approvedMailbox(UUID owner, String token, String address) {
        UUID requestId = UUID.fromString(post(PATH, json(Map.of("label", "Accueil", "structureIdentifierType", "FINESS",
                "structureIdentifier", "310000013", "purpose", "Accueil")), token).json().path("requestId").asString());
        decide(owner, requestId, true, address, null);
        return requestId;
    }

    private void decide(UUID owner, UUID requestId, boolean approved, String address, String reason) {
        UUID decided = UUID.randomUUID();
        feed(Topics.ORGANISATIONAL_MAILBOX_DECIDED, owner, decided, OrganisationalMailboxDecided.newBuilder()
                .setEventId(decided).setAccountId(owner).setOccurredAt(Instant.now()).setRequestId(requestId)
                .setApproved(approved).setAddress(address).setLabel("Accueil").setRequesterEmail("x@example.org")
                .setRequesterLastName("DURAND").setRequesterFirstName("Jean").setReason(reason).build());
    }
}
