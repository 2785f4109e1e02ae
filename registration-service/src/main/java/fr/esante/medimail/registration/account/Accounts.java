package fr.esante.medimail.registration.account;

import java.util.Optional;
import java.util.UUID;

/** Where accounts are kept. The {@code lock…} finders hold the row until the end of the current transaction. */
public interface Accounts {

    /**
     * Stores a new account, checking the uniqueness of its e-mail address at once.
     *
     * @throws org.springframework.dao.DataIntegrityViolationException when the address is already taken
     */
    void add(Account account);

    /** Stores the changes made to an account found in the current transaction. */
    void update(Account account);

    /**
     * Replaces the password hash by a stronger one of the same password, unless it changed meanwhile.
     *
     * @return whether it was replaced
     */
    boolean replacePasswordHash(UUID id, String previousHash, String newHash);

    Optional<Account> findById(UUID id);

    Optional<Account> findByEmail(String normalisedEmail);

    Optional<Account> lockById(UUID id);

    Optional<Account> lockByEmail(String normalisedEmail);

    Optional<Account> lockByConfirmationTokenHash(String tokenHash);
}
