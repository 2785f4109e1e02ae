package fr.esante.medimail.registration.registration;

import java.util.UUID;

import fr.esante.medimail.registration.account.AccountStatus;

/** What the registrant is told; identical whether or not the address already had an account. */
public record RegistrationReceipt(UUID registrationId, AccountStatus status) {
}
