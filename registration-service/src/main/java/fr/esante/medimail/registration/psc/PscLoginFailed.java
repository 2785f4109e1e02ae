package fr.esante.medimail.registration.psc;

/**
 * A PSC sign-in that cannot go on. {@code reason} is for the logs (English, never a token); the holder reads a French
 * message chosen from {@code kind}.
 */
public class PscLoginFailed extends RuntimeException {

    public enum Kind {
        /** PSC cannot be reached or answered nonsense: the ordinary sign-up is offered. */
        PROVIDER_UNAVAILABLE,
        /** The callback or the tokens failed a check (state, code, signature, expiry, nonce...). */
        REJECTED,
        /** The holder cancelled at PSC or PSC refused them. */
        CANCELLED,
        /** PSC vouched for someone this platform cannot take (no RPPS). */
        UNSUPPORTED_IDENTITY
    }

    private final Kind kind;

    public PscLoginFailed(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public PscLoginFailed(Kind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
