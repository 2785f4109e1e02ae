package fr.esante.medimail.registration.session;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where one-time code challenges are kept. {@link #lock} holds the row until the end of the current transaction. */
public interface OneTimeCodeChallenges {

    void add(OneTimeCodeChallenge challenge);

    void update(OneTimeCodeChallenge challenge);

    Optional<OneTimeCodeChallenge> lock(UUID id);

    /** Forgets challenges expired before {@code before}; returns how many. */
    int deleteExpired(Instant before);
}
