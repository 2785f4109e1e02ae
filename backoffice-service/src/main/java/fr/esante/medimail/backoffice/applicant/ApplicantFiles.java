package fr.esante.medimail.backoffice.applicant;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where applicant files are kept. Each {@code record…} method stores its fact unless a newer version of
 * the same fact is already known (so a late or replayed event cannot overwrite a fresher one), and locks
 * the applicant's file until the end of the transaction, so that facts about one applicant arriving at
 * the same time on different topics are handled one after the other.
 */
public interface ApplicantFiles {

    void recordProfile(ApplicantProfile profile);

    void recordIdentity(UUID accountId, IdentityEvidence identity);

    void recordAddress(UUID accountId, AssignedAddress address);

    /** Stores the contact details unless newer ones (from a later change or profile submission) are on file. */
    void recordContact(UUID accountId, ContactDetails contact);

    /**
     * Staff-corrected names applied by registration-service at {@code correctedAt}: the profile takes them and counts
     * as submitted at that time (its identity evidence must be gathered again), the names validated so far are kept
     * for the directory. Ignored when a later profile is on file.
     */
    void recordNamesCorrection(UUID accountId, String lastName, String firstName, Instant correctedAt);

    /** A review approved the current names: the names kept from before a correction are forgotten. */
    void namesValidated(UUID accountId);

    Optional<ApplicantFile> find(UUID accountId);

    /** The files of these accounts, by account; an account without a file is absent from the map. */
    Map<UUID, ApplicantFile> findAll(Collection<UUID> accountIds);
}
