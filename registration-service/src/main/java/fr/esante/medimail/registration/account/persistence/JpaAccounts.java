package fr.esante.medimail.registration.account.persistence;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.Accounts;

/**
 * {@link Accounts} on PostgreSQL; the entity stays inside this package. Changes to an existing account go through
 * Spring Data JPA (dirty checking, optimistic version check). The three statements of every registration and every
 * sign-in (the new account's insert, the lookup and the lock by e-mail address) are plain SQL through the same
 * transaction's connection: through JPA, repository proxies, query plans, entity loads and the flush cost more CPU
 * than the statements themselves (see the README, "Third profile"). Rows read with SQL go through the entity's
 * mapping all the same ({@link AccountEntity#fromRow}).
 */
@Repository
class JpaAccounts implements Accounts {

    private static final String INSERT;

    static {
        // The column list of the entity's own mapping, so that the statement and the entity cannot drift apart.
        var columns = AccountEntity.from(Account.requested(UUID.randomUUID(), "x", "x", "x", "x", "x", "x",
                java.time.Instant.EPOCH, java.time.Instant.EPOCH)).columns().keySet();
        INSERT = "INSERT INTO account (" + String.join(", ", columns) + ") VALUES (:"
                + String.join(", :", columns) + ")";
    }

    private final AccountJpaRepository repository;
    private final JdbcClient jdbc;

    JpaAccounts(AccountJpaRepository repository, JdbcClient jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(Account account) {
        // Executed at once, so the unique constraint on the e-mail address answers here (DuplicateKeyException).
        jdbc.sql(INSERT).params(AccountEntity.from(account).columns()).update();
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
        return jdbc.sql("SELECT * FROM account WHERE email = :email").param("email", normalisedEmail)
                .query((row, n) -> AccountEntity.fromRow(row).toDomain()).optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Account> lockById(UUID id) {
        return repository.lockById(id).map(AccountEntity::toDomain);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Account> lockByEmail(String normalisedEmail) {
        // The lock Hibernate takes for PESSIMISTIC_WRITE on PostgreSQL (the other finders'): it does not block rows
        // of other tables that merely reference the account.
        return jdbc.sql("SELECT * FROM account WHERE email = :email FOR NO KEY UPDATE").param("email", normalisedEmail)
                .query((row, n) -> AccountEntity.fromRow(row).toDomain()).optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Account> lockByConfirmationTokenHash(String tokenHash) {
        return repository.lockByConfirmationTokenHash(tokenHash).map(AccountEntity::toDomain);
    }
}
