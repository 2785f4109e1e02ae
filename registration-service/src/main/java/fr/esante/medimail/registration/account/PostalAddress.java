package fr.esante.medimail.registration.account;

import java.util.Objects;

/** Where the professional practises. {@code region} and {@code department} are INSEE codes; department may be null. */
public record PostalAddress(String line, String postalCode, String city, String region, String department) {

    public PostalAddress {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(region, "region");
    }
}
