package fr.esante.medimail.mssaddress.assignment.messaging;

import java.util.Locale;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.esante.medimail.events.IdentityVerified;
import fr.esante.medimail.mssaddress.assignment.AddressAssignment;
import fr.esante.medimail.mssaddress.assignment.AssignmentRequest;
import fr.esante.medimail.mssaddress.assignment.MailboxType;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.inbox.EventConsumers;
import fr.esante.medimail.support.inbox.PoisonEventException;

/** Binds {@code onIdentityVerified-in-0} (mss-address-service.yml): every verified identity gets its address. */
@Configuration(proxyBeanMethods = false)
class IdentityVerifiedConsumer {

    @Bean
    Consumer<Message<byte[]>> onIdentityVerified(EventConsumers consumers, AddressAssignment assignment) {
        return consumers.consumer(Topics.IDENTITY_VERIFIED, event -> assignment.assign(requestFrom(event)));
    }

    static AssignmentRequest requestFrom(IdentityVerified event) {
        return new AssignmentRequest(event.getAccountId(), event.getFirstName(), event.getLastName(),
                event.getProfession(), mailboxType(event));
    }

    private static MailboxType mailboxType(IdentityVerified event) {
        try {
            return MailboxType.valueOf(event.getMailboxType().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // A breach of the contract, not a business refusal: no retry can fix it, so straight to the dead letters.
            throw new PoisonEventException("IdentityVerified " + event.getEventId() + " has mailbox type '"
                    + event.getMailboxType() + "', expected PER or INT", e);
        }
    }
}
