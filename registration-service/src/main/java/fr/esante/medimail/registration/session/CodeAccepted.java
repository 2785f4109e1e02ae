package fr.esante.medimail.registration.session;

import java.time.Instant;

/** The one-time code was right: a full session (token in clear, handed out once: never log it). */
public record CodeAccepted(String accessToken, Instant expiresAt, boolean termsAccepted) {

    @Override
    public String toString() {
        return "CodeAccepted[expires " + expiresAt + ", terms accepted " + termsAccepted + "]";
    }
}
