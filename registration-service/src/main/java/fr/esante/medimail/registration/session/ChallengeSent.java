package fr.esante.medimail.registration.session;

import java.time.Instant;
import java.util.UUID;

/** The password of a validated account was right: a one-time code went to {@code sentTo} (masked address). */
public record ChallengeSent(UUID challengeId, String sentTo, Instant expiresAt) implements SignInOutcome {
}
