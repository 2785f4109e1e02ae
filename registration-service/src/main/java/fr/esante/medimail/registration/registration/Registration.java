package fr.esante.medimail.registration.registration;

import java.util.Objects;

/** What the registration form submits, already checked for shape at the edge. The password is in clear: never log it. */
public record Registration(String lastName, String firstName, String email, String password, String region) {

    public Registration {
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(region, "region");
    }

    @Override
    public String toString() {
        return "Registration[region=" + region + "]";
    }
}
