package fr.esante.medimail.registration.psc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Which account a PSC identity (its RPPS) signs into, with what PSC vouched for. */
public interface PscLinks {

    Optional<UUID> accountOf(String rpps);

    Optional<PscIdentity> identityOf(UUID accountId);

    /** @throws org.springframework.dao.DataIntegrityViolationException when the RPPS or the account is already linked */
    void link(UUID accountId, PscIdentity identity, Instant now);

    /** An account (not refused) whose submitted profile names this RPPS, linked or not. */
    Optional<UUID> liveAccountDeclaring(String rpps);
}
