package fr.esante.medimail.notification.mail;

import java.util.Map;
import java.util.UUID;

/** One e-mail to send: the template (under templates/notification/), its French subject and its variables. */
public record OutgoingMail(UUID eventId, UUID accountId, String to, String subject, String template, Map<String, Object> variables) {
}
