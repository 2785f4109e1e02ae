package fr.esante.medimail.notification.messaging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import fr.esante.medimail.notification.mail.MailDelivery;
import fr.esante.medimail.notification.mail.OutgoingMail;
import fr.esante.medimail.events.AccountRejected;
import fr.esante.medimail.events.AccountRequested;
import fr.esante.medimail.events.AccountStatusChanged;
import fr.esante.medimail.events.AccountValidated;
import fr.esante.medimail.events.NamesCorrected;
import fr.esante.medimail.events.OneTimeCodeRequested;
import fr.esante.medimail.events.PasswordChanged;
import fr.esante.medimail.events.PasswordResetRequested;
import fr.esante.medimail.events.SignInLocked;
import fr.esante.medimail.events.RegistrationAttemptedForExistingAccount;
import fr.esante.medimail.support.secrets.SecretTokens;
import fr.esante.medimail.support.texts.UserTexts;

/** Translates each event that concerns the account holder into the e-mail it leads to, with its French subject. */
@Component
public class NotificationMails {

    private static final DateTimeFormatter FRENCH_DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

    private final MailDelivery delivery;
    private final SecretTokens secrets;
    private final String publicBaseUrl;
    private final UserTexts texts;

    public NotificationMails(MailDelivery delivery, SecretTokens secrets,
                             @Value("${medimail.notification.public-base-url}") String publicBaseUrl, UserTexts texts) {
        this.delivery = delivery;
        this.secrets = secrets;
        this.publicBaseUrl = publicBaseUrl;
        this.texts = texts;
    }

    public void confirmationRequested(AccountRequested event) {
        String token = secrets.open(event.getSealedConfirmationToken());
        String link = publicBaseUrl + "/confirmation?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        delivery.send(new OutgoingMail(event.getEventId(), event.getAccountId(), event.getEmail(),
                texts.text("mail.confirmation-requested.subject"), "confirmation-requested",
                Map.of("firstName", event.getFirstName(), "lastName", event.getLastName(), "link", link,
                        "expiresAt", FRENCH_DATE_TIME.format(event.getConfirmationExpiresAt()))));
    }

    public void registrationAttemptedForExistingAccount(RegistrationAttemptedForExistingAccount event) {
        delivery.send(new OutgoingMail(event.getEventId(), event.getAccountId(), event.getEmail(),
                texts.text("mail.registration-attempted-for-existing-account.subject"), "registration-attempted-for-existing-account",
                Map.of("firstName", event.getFirstName(), "loginLink", publicBaseUrl + "/")));
    }

    /**
     * The holder of an account validated earlier, whose names staff corrected, is not told a second time that the
     * account is validated (with how to sign in for the first time), but that the corrected names are confirmed.
     */
    public void accountValidated(AccountValidated event) {
        if (event.getNamesCorrectionConfirmed()) {
            delivery.send(new OutgoingMail(event.getEventId(), event.getAccountId(), event.getEmail(),
                    texts.text("mail.names-correction-confirmed.subject"), "names-correction-confirmed",
                    Map.of("firstName", event.getFirstName(), "lastName", event.getLastName(),
                            "mssAddress", event.getMssAddress(), "loginLink", publicBaseUrl + "/")));
            return;
        }
        delivery.send(new OutgoingMail(event.getEventId(), event.getAccountId(), event.getEmail(),
                texts.text("mail.account-validated.subject"), "account-validated",
                Map.of("firstName", event.getFirstName(), "lastName", event.getLastName(),
                        "mssAddress", event.getMssAddress(), "loginLink", publicBaseUrl + "/")));
    }

    public void accountRejected(AccountRejected event) {
        delivery.send(new OutgoingMail(event.getEventId(), event.getAccountId(), event.getEmail(),
                texts.text("mail.account-rejected.subject"), "account-rejected",
                Map.of("firstName", event.getFirstName(), "reason", event.getReason(), "loginLink", publicBaseUrl + "/")));
    }

    /**
     * What registration-service now shows the holder, told by e-mail: an identity refused, an address refused,
     * an INT mailbox that became PER. Other changes have their own mail (validation, staff rejection) or none.
     */
    public void accountStatusChanged(AccountStatusChanged event) {
        String change = event.getChange();
        String subject;
        String template;
        switch (change) {
            case "IDENTITY_REJECTED" -> {
                subject = texts.text("mail.identity-rejected.subject");
                template = "identity-rejected";
            }
            case "MSS_ADDRESS_REFUSED" -> {
                subject = texts.text("mail.mss-address-refused.subject");
                template = "mss-address-refused";
            }
            case "MAILBOX_BECAME_PER" -> {
                subject = texts.text("mail.mailbox-became-per.subject");
                template = "mailbox-became-per";
            }
            case "ACCOUNT_CLOSED" -> {
                subject = texts.text("mail.account-closed.subject");
                template = "account-closed";
            }
            case "ACCOUNT_REOPENED" -> {
                subject = texts.text("mail.account-reopened.subject");
                template = "account-reopened";
            }
            default -> {
                return;
            }
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("firstName", event.getFirstName());
        variables.put("lastName", event.getLastName());
        variables.put("reason", event.getReason() == null ? "" : event.getReason());
        variables.put("mssAddress", event.getMssAddress() == null ? "" : event.getMssAddress());
        variables.put("loginLink", publicBaseUrl + "/");
        delivery.send(new OutgoingMail(event.getEventId(), event.getAccountId(), event.getEmail(), subject, template, variables));
    }

    /** The one-time sign-in code (opened here, never stored: sent_email keeps no body). */
    public void oneTimeCodeRequested(OneTimeCodeRequested event) {
        delivery.send(new OutgoingMail(event.getEventId(), event.getAccountId(), event.getEmail(),
                texts.text("mail.one-time-code.subject"), "one-time-code",
                Map.of("firstName", event.getFirstName(), "lastName", event.getLastName(),
                        "code", secrets.open(event.getSealedCode()),
                        "expiresAt", FRENCH_DATE_TIME.format(event.getExpiresAt()))));
    }

    public void signInLocked(SignInLocked event) {
        delivery.send(new OutgoingMail(event.getEventId(), event.getAccountId(), event.getEmail(),
                texts.text("mail.sign-in-locked.subject"), "sign-in-locked",
                Map.of("firstName", event.getFirstName(), "lockedUntil", FRENCH_DATE_TIME.format(event.getLockedUntil()))));
    }

    public void passwordChanged(PasswordChanged event) {
        delivery.send(new OutgoingMail(event.getEventId(), event.getAccountId(), event.getEmail(),
                texts.text("mail.password-changed.subject"), "password-changed",
                Map.of("firstName", event.getFirstName(), "throughReset", event.getThroughReset())));
    }

    /** The reset link points at registration-service's page, which asks for the new password. */
    public void passwordResetRequested(PasswordResetRequested event) {
        String token = secrets.open(event.getSealedResetToken());
        String link = publicBaseUrl + "/mot-de-passe/reinitialiser?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        delivery.send(new OutgoingMail(event.getEventId(), event.getAccountId(), event.getEmail(),
                texts.text("mail.password-reset.subject"), "password-reset",
                Map.of("firstName", event.getFirstName(), "link", link,
                        "expiresAt", FRENCH_DATE_TIME.format(event.getExpiresAt()))));
    }

    /** Staff approved or rejected an organisational (ORG) mailbox request: the requester learns it. */
    public void organisationalMailboxDecided(fr.esante.medimail.events.OrganisationalMailboxDecided event) {
        if (event.getApproved()) {
            delivery.send(new OutgoingMail(event.getEventId(), event.getAccountId(), event.getRequesterEmail(),
                    texts.text("mail.org-mailbox-approved.subject"), "org-mailbox-approved",
                    Map.of("firstName", event.getRequesterFirstName(), "label", event.getLabel(),
                            "mssAddress", event.getAddress() == null ? "" : event.getAddress(), "loginLink", publicBaseUrl + "/")));
        } else {
            orgMailboxRefused(event.getEventId(), event.getAccountId(), event.getRequesterEmail(), event.getRequesterFirstName(),
                    event.getLabel(), event.getReason());
        }
    }

    /** The structure of an ORG request was refused (wrong key, unknown FINESS…): the request ends there. */
    public void organisationalStructureChecked(fr.esante.medimail.events.OrganisationalStructureChecked event) {
        if (!event.getAccepted()) {
            orgMailboxRefused(event.getEventId(), event.getAccountId(), event.getRequesterEmail(), event.getRequesterFirstName(),
                    event.getLabel(), event.getDetail());
        }
    }

    /** The owner of an ORG mailbox gave a colleague access to it: the colleague is told. */
    public void organisationalMailboxMemberAdded(fr.esante.medimail.events.OrganisationalMailboxMemberAdded event) {
        delivery.send(new OutgoingMail(event.getEventId(), event.getMemberAccountId(), event.getMemberEmail(),
                texts.text("mail.org-mailbox-member-added.subject"), "org-mailbox-member-added",
                Map.of("ownerName", event.getOwnerFirstName() + " " + event.getOwnerLastName(), "label", event.getLabel(),
                        "mssAddress", event.getAddress(), "loginLink", publicBaseUrl + "/")));
    }

    /** The owner of an ORG mailbox took a colleague's access away: the colleague is told. */
    public void organisationalMailboxMemberRemoved(fr.esante.medimail.events.OrganisationalMailboxMemberRemoved event) {
        delivery.send(new OutgoingMail(event.getEventId(), event.getMemberAccountId(), event.getMemberEmail(),
                texts.text("mail.org-mailbox-member-removed.subject"), "org-mailbox-member-removed",
                Map.of("ownerName", event.getOwnerFirstName() + " " + event.getOwnerLastName(), "label", event.getLabel(),
                        "mssAddress", event.getAddress(), "loginLink", publicBaseUrl + "/")));
    }

    /** Staff closed an ORG mailbox: its owner is told (the members see it closed in their space). */
    public void organisationalMailboxClosed(fr.esante.medimail.events.OrganisationalMailboxClosed event) {
        delivery.send(new OutgoingMail(event.getEventId(), event.getAccountId(), event.getRequesterEmail(),
                texts.text("mail.org-mailbox-closed.subject"), "org-mailbox-closed",
                Map.of("firstName", event.getRequesterFirstName(), "label", event.getLabel(),
                        "mssAddress", event.getAddress(), "loginLink", publicBaseUrl + "/")));
    }

    /** Staff corrected the holder's names: they are told, before and after, and that the address does not change. */
    public void namesCorrected(NamesCorrected event) {
        Map<String, Object> model = new HashMap<>();
        model.put("firstName", event.getFirstName());
        model.put("lastName", event.getLastName());
        model.put("previousNames", event.getPreviousFirstName() + " " + event.getPreviousLastName());
        model.put("newNames", event.getFirstName() + " " + event.getLastName());
        model.put("mssAddress", event.getMssAddress() == null ? "" : event.getMssAddress());
        model.put("loginLink", publicBaseUrl + "/");
        delivery.send(new OutgoingMail(event.getEventId(), event.getAccountId(), event.getEmail(),
                texts.text("mail.names-corrected.subject"), "names-corrected", model));
    }

    private void orgMailboxRefused(java.util.UUID eventId, java.util.UUID accountId, String email, String firstName,
                                   String label, String reason) {
        delivery.send(new OutgoingMail(eventId, accountId, email,
                texts.text("mail.org-mailbox-rejected.subject"), "org-mailbox-rejected",
                Map.of("firstName", firstName, "label", label,
                        "reason", reason == null || reason.isBlank() ? texts.text("mail.org-mailbox-rejected.no-reason") : reason,
                        "loginLink", publicBaseUrl + "/")));
    }
}
