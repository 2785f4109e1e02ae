package fr.esante.medimail.registration.account;

import java.util.Locale;

/** One spelling per e-mail address, so that {@code Jean.Durand@Example.org } and {@code jean.durand@example.org} are one account. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
