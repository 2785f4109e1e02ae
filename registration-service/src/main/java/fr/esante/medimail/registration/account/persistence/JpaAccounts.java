package fr.esante.medimail.registration.account.persistence;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.Accounts;

/** {@link Accounts} on PostgreSQL with Spring Data JPA; the entity stays inside this package. */
@Repository
class JpaAccounts implements Accounts {

    private final AccountJpaRepository repository;

    JpaAccounts(AccountJpaRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(Account account) {
        // Flushed at once so that the unique constraint on the e-mail address answers here, not at commit.
        repository.saveAndFlush(AccountEntity.from(account));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void update(Account account) {
        // The entity was read in this transaction: this is the managed instance, written at commit (optimistic check on version).
        AccountEntity entity = repository.findById(account.id())
                .orElseThrow(() -> new IllegalStateException("Account " + account.id() + " vanished"));
        entity.copyChangesFrom(account);
    }

    @Override
    @Transactional
    public boolean replacePasswordHash(UUID id, String previousHash, String newHash) {
        return repository.replacePasswordHash(id, previousHash, newHash) == 1;
    }

    @Override
    public Optional<Account> findById(UUID id) {
        return repository.findById(id).map(AccountEntity::toDomain);
    }

    @Override
    public Optional<Account> findByEmail(String normalisedEmail) {
        return repository.findByEmail(normalisedEmail).map(AccountEntity::toDomain);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Account> lockById(UUID id) {
        return repository.lockById(id).map(AccountEntity::toDomain);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Account> lockByEmail(String normalisedEmail) {
        return repository.lockByEmail(normalisedEmail).map(AccountEntity::toDomain);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Account> lockByConfirmationTokenHash(String tokenHash) {
        return repository.lockByConfirmationTokenHash(tokenHash).map(AccountEntity::toDomain);
    }
}
