package fr.esante.medimail.registration.mailing;

import java.time.Duration;
import java.time.Instant;

/**
 * How many mails of one kind an address may receive: at most one per {@code interval} and {@code perDay} in 24 hours,
 * whatever arrives in parallel (the decision is one atomic statement on the database). Reusable by every feature that
 * e-mails on request (password reset, confirmation resend …): each passes its own {@code kind}.
 */
public interface MailAllowance {

    /**
     * Takes one mail from the allowance of {@code recipient} for {@code kind}, if there is one left.
     *
     * @return true if the mail may be sent (and is counted), false if it must not be sent
     */
    boolean tryTake(String recipient, String kind, Instant now, Duration interval, int perDay);
}
