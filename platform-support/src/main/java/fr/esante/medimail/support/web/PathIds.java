package fr.esante.medimail.support.web;

import java.util.Optional;
import java.util.UUID;

/** Reads an id taken from a URL path: text that is not a UUID names nothing, so callers answer 404, never 500. */
public final class PathIds {

    private PathIds() {
    }

    public static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
