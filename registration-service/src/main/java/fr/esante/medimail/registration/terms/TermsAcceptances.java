package fr.esante.medimail.registration.terms;

import java.time.Instant;
import java.util.UUID;

/** Every acceptance of the terms of use: account, version, time. */
public interface TermsAcceptances {

    void record(UUID accountId, String version, Instant acceptedAt);

    boolean hasAccepted(UUID accountId, String version);
}
