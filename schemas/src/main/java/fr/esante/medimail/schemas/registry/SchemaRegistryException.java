package fr.esante.medimail.schemas.registry;

/**
 * An answer of the registry that is not a success. {@code httpStatus} and {@code errorCode} are the
 * registry's own ({@code {"error_code": 40403, "message": "..."}}); 0 when no answer was received.
 */
public class SchemaRegistryException extends RuntimeException {

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
        this.errorCode = 0;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    /** A server-side or transport failure that may succeed if tried again. */
    public boolean isTransient() {
        return httpStatus == 0 || httpStatus >= 500 || httpStatus == 429;
    }

    public static final class IncompatibleSchema extends SchemaRegistryException {
        public IncompatibleSchema(String message, int errorCode) {
            super(message, 409, errorCode);
        }
    }

    public static final class NotFound extends SchemaRegistryException {
        public NotFound(String message, int errorCode) {
            super(message, 404, errorCode);
        }
    }

    public static final class InvalidSchema extends SchemaRegistryException {
        public InvalidSchema(String message, int errorCode) {
            super(message, 422, errorCode);
        }
    }
}
