package fr.esante.medimail.registration.registration;

import java.time.Instant;

import fr.esante.medimail.registration.account.Account;

/** Tells notification-service to warn an account's owner that someone registered with their address. */
public interface RegistrationEvents {

    void attemptedForExistingAccount(Account existing, Instant at);
}
