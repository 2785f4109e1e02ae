package fr.esante.medimail.registration.account;

/**
 * A business refusal: a stable upper-case {@code code} that clients key on, and a French message for the
 * user. The web edge turns it into an RFC 9457 problem whose HTTP status follows {@link Kind}.
 */
public class Refusal extends RuntimeException {

    public enum Kind {
        /** 400: the request itself is wrong ({@code field} names the culprit when there is one). */
        INVALID,
        /** 401: no valid credentials or access token. */
        UNAUTHENTICATED,
        /** 403: authenticated, but the account may not do this yet. */
        FORBIDDEN,
        /** 409: not possible in the account's current status. */
        CONFLICT,
        /** 422: well-formed, but refused by a business rule. */
        UNPROCESSABLE,
        /** 404: nothing of that id the caller may see. */
        NOT_FOUND
    }

    private final Kind kind;
    private final String code;
    private final String field;

    public Refusal(Kind kind, String code, String message, String field) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    public static Refusal invalid(String code, String message) {
        return new Refusal(Kind.INVALID, code, message, null);
    }

    public static Refusal invalidField(String field, String code, String message) {
        return new Refusal(Kind.INVALID, code, message, field);
    }

    public static Refusal unauthenticated(String code, String message) {
        return new Refusal(Kind.UNAUTHENTICATED, code, message, null);
    }

    public static Refusal forbidden(String code, String message) {
        return new Refusal(Kind.FORBIDDEN, code, message, null);
    }

    public static Refusal conflict(String code, String message) {
        return new Refusal(Kind.CONFLICT, code, message, null);
    }

    public static Refusal unprocessable(String code, String message) {
        return new Refusal(Kind.UNPROCESSABLE, code, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
