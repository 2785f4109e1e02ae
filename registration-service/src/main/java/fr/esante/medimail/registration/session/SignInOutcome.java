package fr.esante.medimail.registration.session;

/** What a correct password leads to: a session (account not validated yet) or a one-time code challenge. */
public sealed interface SignInOutcome permits SignedIn, ChallengeSent {
}
