package fr.esante.medimail.support.inbox;

/**
 * A record that can never be handled, however often it is retried (not the wire format, unknown schema,
 * undecodable body, missing key). The binder sends it to the dead-letter topic at once, with this message as the reason.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
