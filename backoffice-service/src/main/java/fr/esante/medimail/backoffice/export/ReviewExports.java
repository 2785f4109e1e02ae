package fr.esante.medimail.backoffice.export;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Reads reviews one by one for an export, so that an export of any size runs in constant memory: each review is
 * handed to {@code sink} as it is read, never collected.
 */
public interface ReviewExports {

    /** The pending reviews, oldest submission first. */
    void eachPending(Consumer<ExportedReview> sink);

    /** The reviews decided in [from, to), in decision order. */
    void eachDecided(Instant from, Instant to, Consumer<ExportedReview> sink);
}
