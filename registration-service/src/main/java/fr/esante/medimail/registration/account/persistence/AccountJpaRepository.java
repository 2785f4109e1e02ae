package fr.esante.medimail.registration.account.persistence;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface AccountJpaRepository extends JpaRepository<AccountEntity, UUID> {

    /** Conditional on the hash read before, so a concurrent change is never overwritten; bumps the version like any change. */
    @Modifying
    @Query("update AccountEntity a set a.passwordHash = :newHash, a.version = a.version + 1"
            + " where a.id = :id and a.passwordHash = :previousHash")
    int replacePasswordHash(UUID id, String previousHash, String newHash);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from AccountEntity a where a.id = :id")
    Optional<AccountEntity> lockById(UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from AccountEntity a where a.confirmationTokenHash = :tokenHash")
    Optional<AccountEntity> lockByConfirmationTokenHash(String tokenHash);
}
