package fr.esante.medimail.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

import fr.esante.medimail.backoffice.promise.PromiseWatch;
import fr.esante.medimail.backoffice.promise.ReminderMail;
import fr.esante.medimail.backoffice.promise.WaitingItems;
import fr.esante.medimail.events.OrganisationalAddressAssigned;
import fr.esante.medimail.schemas.Topics;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** The 48-hour promise: a French reminder to the service desk past 40 h, once per item; the queue's metrics. */
class PromiseWatchIT extends BackofficeIntegrationTest {

    @Autowired
    PromiseWatch watch;
    @Autowired
    WaitingItems items;
    @Autowired
    ReminderMail mail;
    @Autowired
    TransactionTemplate transactions;
    @Value("${medimail.backoffice.reminder.service-desk-address}")
    String serviceDesk;

    @Test
    void anItemWaitingForMoreThanFortyHoursIsRemindedOnceToTheServiceDeskInFrench() throws Exception {
        Applicants.Applicant late = Applicants.durand(Duration.ofHours(41));
        Applicants.Applicant recent = Applicants.durand(Duration.ofHours(39));
        queued(late);
        queued(recent);

        watch.remindOverdue();
        watch.remindOverdue();

        List<MimeMessage> reminders = remindersAbout(late.profile().getEmail());
        assertThat(reminders).hasSize(1);
        MimeMessage reminder = reminders.get(0);
        assertThat(reminder.getSubject()).isEqualTo("[Medimail] Décision attendue depuis 41 h : Jean DURAND");
        assertThat(reminder.getFrom()[0].toString()).isEqualTo("cerbere@mipih.fr");
        String text = reminder.getContent().toString();
        assertThat(text).contains("La demande de compte de Jean DURAND (" + late.profile().getEmail() + "), RPPS 99800000012")
                .contains("attend une décision depuis 41 heures").contains("sous 48 heures")
                .contains("/reviews");
        assertThat(remindersAbout(recent.profile().getEmail())).as("39 hours: not yet").isEmpty();

        // Two hours later (an injected clock), the recent one passes 40 hours too; the late one is not reminded again.
        PromiseWatch twoHoursLater = new PromiseWatch(items, mail, transactions,
                Clock.offset(Clock.systemUTC(), Duration.ofHours(2)), Duration.ofHours(40), Duration.ofHours(48));
        twoHoursLater.remindOverdue();

        assertThat(remindersAbout(recent.profile().getEmail())).hasSize(1);
        assertThat(remindersAbout(late.profile().getEmail())).hasSize(1);
    }

    @Test
    void anOrgMailboxRequestWaitingForMoreThanFortyHoursIsRemindedOnceAndCountsInTheMetrics() throws Exception {
        String requester = "org." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        UUID owner = UUID.randomUUID();
        OrganisationalAddressAssigned request = OrganisationalAddressAssigned.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(owner).setOccurredAt(Instant.now().minus(Duration.ofHours(41)))
                .setRequestId(UUID.randomUUID()).setLabel("Accueil").setStructureIdentifierType("FINESS")
                .setStructureIdentifier("340000017").setPurpose("Accueil des patients")
                .setRequesterRegistrationId(owner.toString()).setRequesterLastName("ORGATTENTE").setRequesterFirstName("Anne")
                .setRequesterEmail(requester).setStructureName("CLINIQUE FICTIVE")
                .setAddress("accueil-" + UUID.randomUUID().toString().substring(0, 8) + "@finess-340000017.oc.mssante.fr")
                .build();
        send(Topics.ORGANISATIONAL_ADDRESS_ASSIGNED, owner, request);
        await().atMost(Duration.ofSeconds(30)).until(() -> items.pending("ORG") >= 1);

        watch.remindOverdue();
        watch.remindOverdue();

        List<MimeMessage> reminders = remindersAbout(requester);
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).getContent().toString())
                .contains("La demande de boîte organisationnelle de Anne ORGATTENTE (" + requester + "), FINESS 340000017")
                .contains("attend une décision depuis 41 heures");
        Response metrics = get("/actuator/prometheus", admin());
        assertThat(value(metrics.body(), "medimail_backoffice_queue_length{application=\"backoffice-service\",kind=\"ORG\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics.body(), "medimail_backoffice_queue_oldest_age_seconds{application=\"backoffice-service\",kind=\"ORG\"}"))
                .isGreaterThanOrEqualTo(41 * 3600);
    }

    @Test
    void theQueueMetricsAreForOperatorsOnly() {
        Applicants.Applicant waiting = Applicants.durand(Duration.ofHours(47));
        queued(waiting);
        Applicants.Applicant decided = Applicants.durand();
        String id = queued(decided).get("id").asString();
        assertThat(post("/api/v1/reviews/" + id + "/approval", null, reviewer()).status()).isEqualTo(200);

        assertThat(get("/actuator/prometheus", Map.of()).status()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", reviewer()).status()).isEqualTo(403);
        Response metrics = get("/actuator/prometheus", admin());

        assertThat(metrics.status()).isEqualTo(200);
        // Every series names its service (platform-support's management.metrics.tags.application).
        assertThat(value(metrics.body(), "medimail_backoffice_queue_length{application=\"backoffice-service\",kind=\"ACCOUNT\"}")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics.body(), "medimail_backoffice_queue_length{application=\"backoffice-service\",kind=\"IDENTITY\"}")).isGreaterThanOrEqualTo(0);
        assertThat(value(metrics.body(), "medimail_backoffice_queue_oldest_age_seconds{application=\"backoffice-service\",kind=\"ACCOUNT\"}"))
                .isGreaterThanOrEqualTo(47 * 3600);
        assertThat(value(metrics.body(), "medimail_backoffice_decisions_last_hour{application=\"backoffice-service\"}")).isGreaterThanOrEqualTo(1);
    }

    private List<MimeMessage> remindersAbout(String applicantEmail) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : infrastructure.mail().getReceivedMessages()) {
            boolean toDesk = message.getRecipients(Message.RecipientType.TO)[0].toString().equals(serviceDesk);
            if (toDesk && message.getContent().toString().contains(applicantEmail)) {
                found.add(message);
            }
        }
        return found;
    }

    private static double value(String exposition, String series) {
        return exposition.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " not exposed:\n" + exposition));
    }
}
