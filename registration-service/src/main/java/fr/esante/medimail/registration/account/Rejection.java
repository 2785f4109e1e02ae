package fr.esante.medimail.registration.account;

import java.util.Objects;

/** Why the registration is stopped: a stable code and a French message for the holder. */
public record Rejection(String code, String message) {

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
