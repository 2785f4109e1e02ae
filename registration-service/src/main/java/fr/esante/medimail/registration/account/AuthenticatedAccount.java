package fr.esante.medimail.registration.account;

import java.util.UUID;

/** The account designated by a valid access token: what a protected endpoint receives. */
public record AuthenticatedAccount(UUID accountId) {
}
