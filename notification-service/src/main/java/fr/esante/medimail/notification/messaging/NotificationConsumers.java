package fr.esante.medimail.notification.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.inbox.EventConsumers;

/**
 * Binds each event that leads to an e-mail to its handler (binding names match notification-service.yml). Outside a
 * transaction: an e-mail accepted by the SMTP server cannot be rolled back, so {@code MailDelivery} commits its own
 * record of it before and after the send, which a failed consumer transaction would otherwise undo.
 */
@Configuration
class NotificationConsumers {

    @Bean
    Consumer<Message<byte[]>> onAccountRequested(EventConsumers consumers, NotificationMails mails) {
        return consumers.consumerOutsideTransaction(Topics.ACCOUNT_REQUESTED, mails::confirmationRequested);
    }

    @Bean
    Consumer<Message<byte[]>> onRegistrationAttemptedForExistingAccount(EventConsumers consumers, NotificationMails mails) {
        return consumers.consumerOutsideTransaction(Topics.REGISTRATION_ATTEMPTED_FOR_EXISTING_ACCOUNT, mails::registrationAttemptedForExistingAccount);
    }

    @Bean
    Consumer<Message<byte[]>> onAccountValidated(EventConsumers consumers, NotificationMails mails) {
        return consumers.consumerOutsideTransaction(Topics.ACCOUNT_VALIDATED, mails::accountValidated);
    }

    @Bean
    Consumer<Message<byte[]>> onAccountRejected(EventConsumers consumers, NotificationMails mails) {
        return consumers.consumerOutsideTransaction(Topics.ACCOUNT_REJECTED, mails::accountRejected);
    }

    @Bean
    Consumer<Message<byte[]>> onOneTimeCodeRequested(EventConsumers consumers, NotificationMails mails) {
        return consumers.consumerOutsideTransaction(Topics.ONE_TIME_CODE_REQUESTED, mails::oneTimeCodeRequested);
    }

    @Bean
    Consumer<Message<byte[]>> onSignInLocked(EventConsumers consumers, NotificationMails mails) {
        return consumers.consumerOutsideTransaction(Topics.SIGN_IN_LOCKED, mails::signInLocked);
    }

    @Bean
    Consumer<Message<byte[]>> onPasswordChanged(EventConsumers consumers, NotificationMails mails) {
        return consumers.consumerOutsideTransaction(Topics.PASSWORD_CHANGED, mails::passwordChanged);
    }

    @Bean
    Consumer<Message<byte[]>> onPasswordResetRequested(EventConsumers consumers, NotificationMails mails) {
        return consumers.consumerOutsideTransaction(Topics.PASSWORD_RESET_REQUESTED, mails::passwordResetRequested);
    }

    @Bean
    Consumer<Message<byte[]>> onAccountStatusChanged(EventConsumers consumers, NotificationMails mails) {
        return consumers.consumerOutsideTransaction(Topics.ACCOUNT_STATUS_CHANGED, mails::accountStatusChanged);
    }

    @Bean
    Consumer<Message<byte[]>> onOrganisationalMailboxDecided(EventConsumers consumers, NotificationMails mails) {
        return consumers.consumerOutsideTransaction(Topics.ORGANISATIONAL_MAILBOX_DECIDED, mails::organisationalMailboxDecided);
    }

    @Bean
    Consumer<Message<byte[]>> onOrganisationalStructureChecked(EventConsumers consumers, NotificationMails mails) {
        return consumers.consumerOutsideTransaction(Topics.ORGANISATIONAL_STRUCTURE_CHECKED, mails::organisationalStructureChecked);
    }

    @Bean
    Consumer<Message<byte[]>> onOrganisationalMailboxMemberAdded(EventConsumers consumers, NotificationMails mails) {
        return consumers.consumerOutsideTransaction(Topics.ORGANISATIONAL_MAILBOX_MEMBER_ADDED, mails::organisationalMailboxMemberAdded);
    }

    @Bean
    Consumer<Message<byte[]>> onOrganisationalMailboxMemberRemoved(EventConsumers consumers, NotificationMails mails) {
        return consumers.consumerOutsideTransaction(Topics.ORGANISATIONAL_MAILBOX_MEMBER_REMOVED, mails::organisationalMailboxMemberRemoved);
    }

    @Bean
    Consumer<Message<byte[]>> onOrganisationalMailboxClosed(EventConsumers consumers, NotificationMails mails) {
        return consumers.consumerOutsideTransaction(Topics.ORGANISATIONAL_MAILBOX_CLOSED, mails::organisationalMailboxClosed);
    }

    @Bean
    Consumer<Message<byte[]>> onNamesCorrected(EventConsumers consumers, NotificationMails mails) {
        return consumers.consumerOutsideTransaction(Topics.NAMES_CORRECTED, mails::namesCorrected);
    }
}
