package fr.esante.medimail.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.embedded.KafkaTestClient;
import fr.esante.medimail.events.AccountRejected;
import fr.esante.medimail.events.AccountRequested;
import fr.esante.medimail.events.AccountStatusChanged;
import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.events.NamesCorrected;
import fr.esante.medimail.schemas.Topics;
import jakarta.mail.internet.MimeMessage;

class NotificationFlowIT extends NotificationIntegrationTest {

    @Test
    void accountRequestedSendsTheConfirmationLinkFromCerbereOnceEvenWhenRedelivered() throws Exception {
        String email = "jean.durand." + UUID.randomUUID() + "@example.org";
        AccountRequested event = accountRequested(email, "le-jeton-secret");
        byte[] value = serializer.serialize(Topics.ACCOUNT_REQUESTED.name(), event);

        kafka.send(Topics.ACCOUNT_REQUESTED.name(), event.getAccountId().toString(), value);
        kafka.send(Topics.ACCOUNT_REQUESTED.name(), event.getAccountId().toString(), value);

        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(email), m -> m.length >= 1)[0];
        assertThat(mail.getFrom()[0].toString()).contains("cerbere@mipih.fr");
        assertThat(mail.getSubject()).isEqualTo("Medimail : confirmez votre adresse e-mail");
        String body = parts(mail).get("text/html");
        assertThat(parts(mail).get("text/plain")).contains("Bonjour Jean DURAND").contains("/confirmation?token=le-jeton-secret");
        assertThat(body).contains("Bonjour Jean DURAND").contains("/confirmation?token=le-jeton-secret");

        // The duplicate is recognised by its event id. Records of one partition are handled in order, so once a
        // later marker event was mailed, the duplicate has been handled too: still one e-mail.
        String markerEmail = "marker." + UUID.randomUUID() + "@example.org";
        AccountRequested marker = accountRequested(markerEmail, "jeton-marqueur");
        kafka.send(Topics.ACCOUNT_REQUESTED.name(), marker.getAccountId().toString(),
                serializer.serialize(Topics.ACCOUNT_REQUESTED.name(), marker));
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(markerEmail), m -> m.length == 1);
        assertThat(messagesTo(email)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM sent_email WHERE account_id = :id").param("id", event.getAccountId())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aCorruptRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextOneIsStillHandled() {
        String key = UUID.randomUUID().toString();
        byte[] garbage = "not an avro record".getBytes();
        kafka.send(Topics.ACCOUNT_REQUESTED.name(), key, garbage);

        String email = "marie.dupont." + UUID.randomUUID() + "@example.org";
        AccountRequested next = accountRequested(email, "autre-jeton");
        kafka.send(Topics.ACCOUNT_REQUESTED.name(), next.getAccountId().toString(),
                serializer.serialize(Topics.ACCOUNT_REQUESTED.name(), next));

        var dead = kafka.awaitRecords("error." + Topics.ACCOUNT_REQUESTED.name() + ".notification-service",
                r -> key.equals(r.key()), Duration.ofSeconds(60));
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(KafkaTestClient.header(dead.get(0), "x-exception-message")).contains("Unknown magic byte");
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(email), m -> m.length == 1);
    }

    @Test
    void accountValidatedTellsTheHolderTheirMssAddress() throws Exception {
        String email = "yves.legall." + UUID.randomUUID() + "@example.org";
        sendValidated(email, false);

        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(email), m -> m.length == 1)[0];
        assertThat(mail.getSubject()).isEqualTo("Medimail : votre compte est validé");
        assertThat(parts(mail).get("text/html")).contains("yves.le-gall@infirmier.oc.mssante.fr");
        assertThat(parts(mail).get("text/plain")).contains("yves.le-gall@infirmier.oc.mssante.fr").doesNotContain("<p>");
    }

    @Test
    void confirmedNamesOfAnAccountValidatedBeforeAreToldAsSuchNotAsASecondValidation() throws Exception {
        String email = "yves.legall." + UUID.randomUUID() + "@example.org";
        sendValidated(email, true);

        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(email), m -> m.length == 1)[0];
        assertThat(mail.getSubject()).isEqualTo("Medimail : la correction de vos nom et prénom est validée");
        assertThat(parts(mail).get("text/plain"))
                .contains("Yves LE GALL", "reste validé", "yves.le-gall@infirmier.oc.mssante.fr")
                .doesNotContain("Votre compte Medimail est validé", "conditions générales");
    }

    /** Yves LE GALL's account validated, or (namesCorrectionConfirmed) his corrected names confirmed. */
    private void sendValidated(String email, boolean namesCorrectionConfirmed) {
        AccountValidated event = AccountValidated.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setMssAddress("yves.le-gall@infirmier.oc.mssante.fr").setMailboxType("PER")
                .setLastName("LE GALL").setFirstName("Yves").setEmail(email).setProfession("60")
                .setIdentifierType("RPPS").setIdentifier("99800000038").setLiberal(false).setRegion("76")
                .setDirectoryVisible(true).setPaperless(true).setValidatedAt(Instant.now()).setValidatedBy("agent")
                .setNamesCorrectionConfirmed(namesCorrectionConfirmed)
                .build();
        kafka.send(Topics.ACCOUNT_VALIDATED.name(), event.getAccountId().toString(),
                serializer.serialize(Topics.ACCOUNT_VALIDATED.name(), event));
    }

    @Test
    void anIdentityRefusedAnAddressRefusedAndAMailboxBecomingPerAreToldInFrenchHtmlAndPlainText() throws Exception {
        String email = "anne.benoit." + UUID.randomUUID() + "@example.org";
        String reason = "Aucun professionnel de santé ne correspond à ce numéro dans l'annuaire santé national.";
        send(statusChanged(email, "IDENTITY_REJECTED", "IDENTITY_REJECTED", "NOT_FOUND", reason, null, null));
        MimeMessage refused = await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(email), m -> m.length == 1)[0];
        assertThat(refused.getFrom()[0].toString()).contains("cerbere@mipih.fr");
        assertThat(refused.getSubject()).isEqualTo("Medimail : votre identité professionnelle n'a pas pu être confirmée");
        assertThat(parts(refused).get("text/html")).contains("Aucun professionnel de santé ne correspond", "soumettez-le à nouveau");
        assertThat(parts(refused).get("text/plain")).contains("Bonjour Anne-Sophie BENOÎT", reason, "soumettez-le à nouveau",
                "0 820 250 035").doesNotContain("NOT_FOUND", "<");

        send(statusChanged(email, "MSS_ADDRESS_REFUSED", "REJECTED", "NAME_NOT_REPRESENTABLE",
                "Aucune adresse de messagerie sécurisée de santé ne peut être formée à partir de vos nom et prénom.", null, null));
        MimeMessage noAddress = await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(email), m -> m.length == 2)[1];
        assertThat(noAddress.getSubject()).isEqualTo("Medimail : aucune adresse de messagerie n'a pu vous être attribuée");
        assertThat(parts(noAddress).get("text/plain")).contains("ne peut être formée", "centre de services");

        // A validation has its own mail (AccountValidated): this change sends none.
        send(statusChanged(email, "VALIDATED", "VALIDATED", null, null, "anne-sophie.benoit@sage-femme.oc.mssante.fr", "INT"));
        send(statusChanged(email, "MAILBOX_BECAME_PER", "VALIDATED", null, null,
                "anne-sophie.benoit@sage-femme.oc.mssante.fr", "PER"));
        MimeMessage per = await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(email), m -> m.length == 3)[2];
        assertThat(per.getSubject()).isEqualTo("Medimail : votre boîte aux lettres est désormais personnelle (PER)");
        assertThat(parts(per).get("text/plain")).contains("anne-sophie.benoit@sage-femme.oc.mssante.fr", "ne change pas");
        assertThat(messagesTo(email)).hasSize(3);
    }

    @Test
    void aClosureAndAReopeningByStaffAreTold() throws Exception {
        String email = "anne.benoit." + UUID.randomUUID() + "@example.org";
        String address = "anne-sophie.benoit@sage-femme.oc.mssante.fr";
        send(statusChanged(email, "ACCOUNT_CLOSED", "CLOSED", null, null, address, "PER"));
        MimeMessage closed = await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(email), m -> m.length == 1)[0];
        assertThat(closed.getSubject()).isEqualTo("Medimail : votre compte a été clôturé");
        assertThat(parts(closed).get("text/plain")).contains(address, "0 820 250 035", "rouvrir");

        send(statusChanged(email, "ACCOUNT_REOPENED", "VALIDATED", null, null, address, "PER"));
        MimeMessage reopened = await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(email), m -> m.length == 2)[1];
        assertThat(reopened.getSubject()).isEqualTo("Medimail : votre compte a été rouvert");
        assertThat(parts(reopened).get("text/plain")).contains(address, "vous connecter");
    }

    @Test
    void namesCorrectedByStaffAreToldInFrenchWithTheAddressThatStays() throws Exception {
        String email = "jean.durand." + UUID.randomUUID() + "@example.org";
        NamesCorrected event = NamesCorrected.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setCorrectedBy("chef").setLastName("DURAND-MARTIN").setFirstName("Jean")
                .setPreviousLastName("DURRAND").setPreviousFirstName("Jean").setEmail(email)
                .setPath("NATIONAL_ID").setIdentifierType("RPPS").setIdentifier("99800000012").setProfession("10")
                .setLiberal(true).setMssAddress("jean.durand@medecin.oc.mssante.fr").build();
        kafka.send(Topics.NAMES_CORRECTED.name(), event.getAccountId().toString(),
                serializer.serialize(Topics.NAMES_CORRECTED.name(), event));

        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(email), m -> m.length == 1)[0];
        assertThat(mail.getSubject()).isEqualTo("Medimail : vos nom et prénom ont été corrigés");
        assertThat(parts(mail).get("text/plain")).contains("Jean DURRAND", "Jean DURAND-MARTIN",
                "jean.durand@medecin.oc.mssante.fr", "vérifiée à nouveau", "0 820 250 035").doesNotContain("<p>");
    }

    @Test
    void aStaffRejectionTellsTheReasonAndWhatToDo() throws Exception {
        String email = "paul.martin." + UUID.randomUUID() + "@example.org";
        AccountRejected event = AccountRejected.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setEmail(email).setFirstName("Paul").setReason("Le justificatif fourni est illisible.").setRejectedBy("agent")
                .build();
        kafka.send(Topics.ACCOUNT_REJECTED.name(), event.getAccountId().toString(),
                serializer.serialize(Topics.ACCOUNT_REJECTED.name(), event));
        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(email), m -> m.length == 1)[0];
        assertThat(mail.getSubject()).isEqualTo("Medimail : votre demande de compte n'a pas été acceptée");
        assertThat(parts(mail).get("text/plain")).contains("Le justificatif fourni est illisible.", "corrigez votre profil",
                "soumettez-le à nouveau").doesNotContain("agent");
    }

    private void send(AccountStatusChanged event) {
        kafka.send(Topics.ACCOUNT_STATUS_CHANGED.name(), event.getAccountId().toString(),
                serializer.serialize(Topics.ACCOUNT_STATUS_CHANGED.name(), event));
    }

    private static AccountStatusChanged statusChanged(String email, String change, String status, String code, String reason,
                                                      String address, String mailboxType) {
        return AccountStatusChanged.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setChange(change).setStatus(status).setEmail(email).setFirstName("Anne-Sophie").setLastName("BENOÎT")
                .setReasonCode(code).setReason(reason).setMssAddress(address).setMailboxType(mailboxType)
                .build();
    }

    /** The mail's text parts by content type (text/plain, text/html). */
    private static Map<String, String> parts(jakarta.mail.Part part) throws Exception {
        Map<String, String> parts = new java.util.HashMap<>();
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                parts.putAll(parts(multipart.getBodyPart(i)));
            }
        } else if (content instanceof String text) {
            parts.put(part.isMimeType("text/html") ? "text/html" : "text/plain", text);
        }
        return parts;
    }

    private AccountRequested accountRequested(String email, String token) {
        return AccountRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setLastName("DURAND").setFirstName("Jean").setEmail(email).setRegion("76")
                .setSealedConfirmationToken(secrets.seal(token))
                .setConfirmationExpiresAt(Instant.now().plus(Duration.ofHours(24)))
                .build();
    }
}
